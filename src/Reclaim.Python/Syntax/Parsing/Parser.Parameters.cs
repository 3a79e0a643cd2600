using Reclaim.Python.Syntax.Ast;
using Reclaim.Python.Syntax.Errors;
using Reclaim.Python.Syntax.Tokenizing;

namespace Reclaim.Python.Syntax.Parsing;

/// <summary>Parameter lists of <c>def</c> and <c>lambda</c>, with CPython's messages for misplaced <c>/</c>, <c>*</c> and defaults.</summary>
internal sealed partial class Parser
{
    /// <summary>A parameter list up to <paramref name="end"/>: positional-only, plain, <c>*args</c>, keyword-only, <c>**kwargs</c>.</summary>
    private Arguments Parameters(TokenKind end, bool lambda)
    {
        var posonly = new List<Parameter>();
        var plain = new List<Parameter>();
        var defaults = new List<Expr>();
        var kwonly = new List<Parameter>();
        var kwDefaults = new List<Expr?>();
        Parameter? vararg = null;
        Parameter? kwarg = null;
        bool star = false;
        bool sawSlash = false;
        while (Kind != end)
        {
            if (kwarg is not null)
            {
                throw SyntaxErrorAt(Current, "arguments cannot follow var-keyword argument");
            }

            if (Kind == TokenKind.Slash)
            {
                Token slash = Next();
                if (sawSlash)
                {
                    throw SyntaxErrorAt(slash, "/ may appear only once");
                }

                if (plain.Count == 0 || star)
                {
                    throw SyntaxErrorAt(slash, star ? "/ must be ahead of *" : Kind == TokenKind.Comma ? "at least one argument must precede /" : "invalid syntax");
                }

                if (Kind == TokenKind.Star)
                {
                    throw SyntaxErrorAt(Current, "expected comma between / and *");
                }

                sawSlash = true;
                posonly.AddRange(plain);
                plain.Clear();
            }
            else if (Accept(TokenKind.DoubleStar))
            {
                kwarg = Param(lambda, allowStarAnnotation: false);
                if (Kind == TokenKind.Equal)
                {
                    throw SyntaxErrorAt(Current, "var-keyword argument cannot have default value");
                }
            }
            else if (Kind == TokenKind.Star)
            {
                Token starToken = Next();
                if (star)
                {
                    throw SyntaxErrorAt(starToken, "* argument may appear only once");
                }

                star = true;
                if (Kind == TokenKind.RPar || Kind == end || (Kind == TokenKind.Comma && (PeekKind(1) is TokenKind.DoubleStar or TokenKind.RPar || PeekKind(1) == end)))
                {
                    throw SyntaxErrorAt(starToken, "named arguments must follow bare *");
                }

                if (Kind == TokenKind.Name)
                {
                    vararg = Param(lambda, allowStarAnnotation: true);
                    if (Kind == TokenKind.Equal)
                    {
                        throw SyntaxErrorAt(Current, "var-positional argument cannot have default value");
                    }
                }
            }
            else if (Kind == TokenKind.LPar)
            {
                throw SyntaxErrorAt(Current, lambda ? "Lambda expression parameters cannot be parenthesized" : "Function parameters cannot be parenthesized");
            }
            else
            {
                int paramStart = _mark;
                Parameter param = Param(lambda, allowStarAnnotation: false);
                Expr? value = null;
                if (Kind == TokenKind.Equal)
                {
                    Token equal = Next();
                    if (Kind == end || Kind == TokenKind.Comma)
                    {
                        throw SyntaxErrorAt(equal, "expected default value expression");
                    }

                    value = Expression();
                }
                else if (!star && defaults.Count > 0)
                {
                    throw SyntaxErrorAt(_tokens[paramStart], "non-default argument follows default argument");
                }

                if (star)
                {
                    kwonly.Add(param);
                    kwDefaults.Add(value);
                }
                else
                {
                    plain.Add(param);
                    if (value is not null)
                    {
                        defaults.Add(value);
                    }
                }
            }

            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        return new Arguments(posonly, plain, vararg, kwonly, kwDefaults, kwarg, defaults);
    }

    private Parameter Param(bool lambda, bool allowStarAnnotation)
    {
        int start = _mark;
        string name = ExpectName();
        Expr? annotation = null;
        if (!lambda && Accept(TokenKind.Colon))
        {
            annotation = allowStarAnnotation && Kind == TokenKind.Star ? StarExpression() : Expression();
        }

        return At(new Parameter(name, annotation, null), start);
    }
}
