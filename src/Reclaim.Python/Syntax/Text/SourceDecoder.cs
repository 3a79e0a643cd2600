using System.Text;
using System.Text.RegularExpressions;
using Reclaim.Python.Syntax.Errors;

namespace Reclaim.Python.Syntax.Text;

/// <summary>
/// Turns source bytes into text as CPython's tokenizer does: a UTF-8 BOM, a <c># -*- coding: … -*-</c> declaration
/// on one of the first two lines (UTF-8 and Latin-1 families), strict decoding, and universal newlines.
/// </summary>
internal static partial class SourceDecoder
{
    [GeneratedRegex(@"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)", RegexOptions.CultureInvariant)]
    private static partial Regex CodingPattern();

    /// <summary>Decodes <paramref name="source"/>.</summary>
    /// <param name="source">The file's bytes.</param>
    /// <returns>The text, with <c>\r\n</c> and <c>\r</c> turned into <c>\n</c>.</returns>
    /// <exception cref="PythonSyntaxError">Unknown encoding or bytes that do not decode.</exception>
    public static string Decode(ReadOnlySpan<byte> source)
    {
        bool bom = source.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        if (bom)
        {
            source = source[3..];
        }

        Encoding encoding = new UTF8Encoding(false, true);
        string? declared = FindDeclaration(source, out int declarationLine);
        if (declared is not null)
        {
            string normal = declared.ToLowerInvariant().Replace('_', '-');
            if (bom && normal != "utf-8" && !normal.StartsWith("utf-8-", StringComparison.Ordinal))
            {
                throw new PythonSyntaxError("SyntaxError", $"encoding problem: {declared} with BOM", 0, -1, null);
            }

            if (normal is "utf-8" or "utf8" || normal.StartsWith("utf-8-", StringComparison.Ordinal))
            {
            }
            else if (normal is "latin-1" or "iso-8859-1" or "iso-latin-1" or "latin1" || normal.StartsWith("latin-1-", StringComparison.Ordinal)
                || normal.StartsWith("iso-8859-1-", StringComparison.Ordinal))
            {
                if (bom)
                {
                    throw new PythonSyntaxError("SyntaxError", $"encoding problem: {declared} with BOM", declarationLine, 0, null);
                }

                encoding = Encoding.Latin1;
            }
            else if (normal is "ascii" or "us-ascii")
            {
                encoding = Encoding.GetEncoding("us-ascii", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            }
            else
            {
                // CPython reports an unknown codec without a position: line 0, offset -1.
                encoding = OtherEncoding(normal) ?? throw new PythonSyntaxError("SyntaxError", $"unknown encoding: {declared}", 0, -1, null);
            }
        }

        string text;
        try
        {
            text = encoding.GetString(source);
        }
        catch (DecoderFallbackException)
        {
            throw InvalidBytes(source, encoding);
        }

        return NormalizeNewlines(text);
    }

    private static Encoding? OtherEncoding(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        string dotnetName = name.StartsWith("cp", StringComparison.Ordinal) && int.TryParse(name.AsSpan(2), out int page)
            ? (page is >= 1250 and <= 1258 ? $"windows-{page}" : $"ibm{page:000}")
            : name;
        try
        {
            return Encoding.GetEncoding(dotnetName, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static PythonSyntaxError InvalidBytes(ReadOnlySpan<byte> source, Encoding encoding)
    {
        int line = 1;
        int lineStart = 0;
        var strict = new UTF8Encoding(false, true);
        for (int i = 0; i < source.Length; i++)
        {
            if (source[i] == (byte)'\n')
            {
                try
                {
                    strict.GetString(source[lineStart..(i + 1)]);
                }
                catch (DecoderFallbackException)
                {
                    break;
                }

                line++;
                lineStart = i + 1;
            }
        }

        string name = encoding is UTF8Encoding ? "utf-8" : encoding.WebName;
        return new PythonSyntaxError("SyntaxError", $"(unicode error) '{name}' codec can't decode bytes", line, 0, null);
    }

    private static string? FindDeclaration(ReadOnlySpan<byte> source, out int line)
    {
        int start = 0;
        for (line = 1; line <= 2 && start < source.Length; line++)
        {
            int end = source[start..].IndexOf((byte)'\n');
            end = end < 0 ? source.Length : start + end;
            string text = Encoding.Latin1.GetString(source[start..end]);
            Match match = CodingPattern().Match(text);
            if (match.Success)
            {
                return match.Groups[1].Value;
            }

            // Only a blank or comment-only first line lets the second line carry the declaration.
            string trimmed = text.TrimStart(' ', '\t', '\f', '\r');
            if (trimmed.Length > 0 && trimmed[0] != '#')
            {
                break;
            }

            start = end + 1;
        }

        return null;
    }

    private static string NormalizeNewlines(string text)
    {
        if (!text.Contains('\r', StringComparison.Ordinal))
        {
            return text;
        }

        return text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
    }
}
