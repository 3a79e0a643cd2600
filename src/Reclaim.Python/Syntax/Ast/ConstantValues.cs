using System.Numerics;

namespace Reclaim.Python.Syntax.Ast;

/// <summary>
/// The .NET values that stand for Python constants in <see cref="ConstantExpr.Value"/> and
/// <see cref="MatchSingleton.Value"/>:
/// <list type="bullet">
/// <item><c>None</c> is <c>null</c>; <c>True</c>/<c>False</c> are <see cref="bool"/>;</item>
/// <item>an <c>int</c> is a <see cref="long"/> when it fits, else a <see cref="BigInteger"/>;</item>
/// <item>a <c>float</c> is a <see cref="double"/>; an imaginary literal is a <see cref="Complex"/> with a zero real part;</item>
/// <item>a <c>str</c> is a <see cref="string"/> (UTF-16: a character beyond the BMP is a surrogate pair), or a
/// <see cref="CodePointString"/> when an escape wrote a lone surrogate, which a plain string could pair up;</item>
/// <item><c>bytes</c> is a <see cref="byte"/> array; <c>...</c> is <see cref="Ellipsis"/>.</item>
/// </list>
/// </summary>
internal static class ConstantValues
{
    /// <summary>Python's <c>Ellipsis</c> (<c>...</c>).</summary>
    public static readonly object Ellipsis = new EllipsisValue();

    /// <summary>The one value standing for <c>...</c>; prints as Python's repr does.</summary>
    private sealed class EllipsisValue
    {
        public override string ToString() => "Ellipsis";
    }
}
