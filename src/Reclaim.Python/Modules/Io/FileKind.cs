namespace Reclaim.Python.Modules.Io;

/// <summary>Which of <c>_io</c>'s classes a file object is: what <c>open()</c> returns depends on the mode and buffering.</summary>
internal enum FileKind
{
    /// <summary><c>_io.TextIOWrapper</c>: text mode.</summary>
    Text,

    /// <summary><c>_io.BufferedReader</c>: <c>rb</c>.</summary>
    BufferedReader,

    /// <summary><c>_io.BufferedWriter</c>: <c>wb</c>, <c>ab</c>, <c>xb</c>.</summary>
    BufferedWriter,

    /// <summary><c>_io.BufferedRandom</c>: a binary mode with <c>+</c>.</summary>
    BufferedRandom,

    /// <summary><c>_io.FileIO</c>: binary with <c>buffering=0</c>.</summary>
    FileIO,
}
