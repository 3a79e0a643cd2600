namespace Reclaim.Python.Syntax.Tokenizing;

/// <summary>The kinds of token: structural ones, literals, names, keywords and operators.</summary>
internal enum TokenKind : byte
{
    /// <summary>End of input.</summary>
    EndMarker,
    /// <summary>End of a logical line.</summary>
    Newline,
    /// <summary>An indentation increase.</summary>
    Indent,
    /// <summary>An indentation decrease.</summary>
    Dedent,
    /// <summary>An identifier (including soft keywords).</summary>
    Name,
    /// <summary>A numeric literal.</summary>
    Number,
    /// <summary>A string or bytes literal, prefix and quotes included.</summary>
    String,
#pragma warning disable CS1591 // Keywords and operators are named after their spelling.
    False, None, True, And, As, Assert, Async, Await, Break, Class, Continue, Def, Del, Elif, Else, Except,
    Finally, For, From, Global, If, Import, In, Is, Lambda, Nonlocal, Not, Or, Pass, Raise, Return, Try, While,
    With, Yield,
    LPar, RPar, LSqb, RSqb, LBrace, RBrace, Colon, Comma, Semi, Plus, Minus, Star, Slash, VBar, Amper, Less,
    Greater, Equal, Dot, Percent, EqEqual, NotEqual, LessEqual, GreaterEqual, Tilde, Circumflex, LeftShift,
    RightShift, DoubleStar, PlusEqual, MinEqual, StarEqual, SlashEqual, PercentEqual, AmperEqual, VBarEqual,
    CircumflexEqual, LeftShiftEqual, RightShiftEqual, DoubleStarEqual, DoubleSlash, DoubleSlashEqual, At,
    AtEqual, RArrow, Ellipsis, ColonEqual,
#pragma warning restore CS1591
}
