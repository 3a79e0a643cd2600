namespace Reclaim.Python.Syntax.Ast;

/// <summary>
/// A <c>str</c> constant holding escaped lone surrogates, such as <c>"\ud800\udc00"</c>. Python keeps those two
/// code points apart, but a .NET string of the same two chars reads as one pair (U+10000). This value keeps the
/// UTF-16 text together with the indices of the surrogates written as escapes, which never pair up, so the code points
/// (and so <c>repr</c> and the AST dump) stay exact. The parser makes one only when an escape yields a surrogate;
/// every other str constant is a plain <see cref="string"/>.
/// </summary>
internal sealed class CodePointString
{
    private readonly string _text;
    private readonly HashSet<int> _lone;

    /// <summary>Creates the value.</summary>
    /// <param name="text">The UTF-16 text, lone surrogates included.</param>
    /// <param name="lone">Indices into <paramref name="text"/> of the surrogates that came from escapes.</param>
    public CodePointString(string text, IEnumerable<int> lone)
    {
        _text = text;
        _lone = [.. lone];
    }

    /// <summary>Whether the char at <paramref name="index"/> is a lone surrogate (it never pairs with a neighbour).</summary>
    /// <param name="index">A UTF-16 index.</param>
    /// <returns>True for an escaped surrogate.</returns>
    public bool LoneAt(int index) => _lone.Contains(index);

    /// <summary>The code points, with escaped surrogates kept apart.</summary>
    /// <returns>One int per Python character.</returns>
    public int[] CodePoints()
    {
        var codes = new List<int>(_text.Length);
        for (int i = 0; i < _text.Length; i++)
        {
            char c = _text[i];
            if (char.IsHighSurrogate(c) && i + 1 < _text.Length && char.IsLowSurrogate(_text[i + 1]) && !LoneAt(i) && !LoneAt(i + 1))
            {
                codes.Add(char.ConvertToUtf32(c, _text[i + 1]));
                i++;
            }
            else
            {
                codes.Add(c);
            }
        }

        return [.. codes];
    }

    /// <summary>The UTF-16 text, where two adjacent escaped surrogates read as a pair: what the runtime's str holds.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => _text;
}
