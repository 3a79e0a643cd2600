namespace Reclaim.Python.Syntax.Tokenizing;

/// <summary>
/// One token list per thread, reused from file to file. A module's tokens are dropped once its tree is built, and a
/// fresh list per file is a large-object-heap array for any file past a few kilobytes: a run over many files would
/// leave a trail of them for the next full collection, which is what set the parser's peak memory.
/// </summary>
internal static class TokenBuffer
{
    /// <summary>A list that grew past this many tokens (about 2 MB) is not kept, so one huge file does not pin its buffer.</summary>
    private const int MaxKeptCapacity = 1 << 16;

    [ThreadStatic]
    private static List<Token>? t_spare;

    /// <summary>An empty list: the thread's spare one when it is free, else a new one.</summary>
    /// <returns>The list.</returns>
    public static List<Token> Rent()
    {
        List<Token>? spare = t_spare;
        t_spare = null;
        return spare ?? new List<Token>(1024);
    }

    /// <summary>Hands <paramref name="tokens"/> back once nothing reads it any more.</summary>
    /// <param name="tokens">A list from <see cref="Rent"/>.</param>
    public static void Return(List<Token> tokens)
    {
        if (tokens.Capacity > MaxKeptCapacity)
        {
            return;
        }

        // Clearing drops the token texts the list still references, so the spare keeps no file's strings alive.
        tokens.Clear();
        t_spare = tokens;
    }
}
