using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;
using Reclaim.Python.Syntax.Errors;

namespace Reclaim.Python.Execution;

/// <summary>Turns the parser's and compiler's syntax errors into Python <c>SyntaxError</c> objects (for <c>compile</c>,
/// <c>exec</c>, <c>eval</c>), with <c>msg</c>, <c>filename</c>, <c>lineno</c>, <c>offset</c> and <c>text</c>.</summary>
internal static class SyntaxErrors
{
    /// <summary>The Python exception for <paramref name="e"/>.</summary>
    public static PyException ToPython(PythonSyntaxError e, string fileName)
    {
        PyContext ctx = PyContext.Current;
        Value text = e.Text is null ? Value.None : Value.Str(e.Text);
        Value lineno = e.Lineno > 0 ? Value.Int(e.Lineno) : Value.None;
        Value offset = e.Lineno > 0 ? Value.Int(e.Offset) : Value.None;
        Value details = ctx.NewTuple([Value.Str(fileName), lineno, offset, text, lineno, offset]);
        Value exc = ctx.NewException(ctx.ExceptionType(e.TypeName), [Value.Str(e.Message), details]);
        details.Drop();
        var obj = (PyBaseException)exc.Obj!;
        PyDict attrs = obj.MaterializeDict();
        attrs.Set(Value.Str("msg"), Value.Str(e.Message));
        attrs.Set(Value.Str("filename"), Value.Str(fileName));
        attrs.Set(Value.Str("lineno"), lineno);
        attrs.Set(Value.Str("offset"), offset);
        attrs.Set(Value.Str("text"), text);
        attrs.Set(Value.Str("end_lineno"), lineno);
        attrs.Set(Value.Str("end_offset"), offset);
        attrs.Set(Value.Str("print_file_and_line"), Value.None);
        return new PyException(exc);
    }

    /// <summary><c>SyntaxError.__str__</c>: the message with the file and line when known.</summary>
    public static string Str(Value self)
    {
        var e = (PyBaseException)self.Obj!;
        PyDict? d = e.Dict;
        Value msg = d?.Get("msg") ?? default;
        string message = msg.IsNull || msg.IsNone
            ? (e.Args.Obj is PyTuple { Count: > 0 } t ? Ops.StrOf(t.Items[0]) : string.Empty)
            : Ops.StrOf(msg);
        Value file = d?.Get("filename") ?? default, line = d?.Get("lineno") ?? default;
        bool hasFile = file.Obj is string, hasLine = line.IsSmallInt;
        string name = hasFile ? Path.GetFileName(file.AsStr) : string.Empty;
        return hasFile && hasLine ? $"{message} ({name}, line {line.Bits})"
            : hasFile ? $"{message} ({name})"
            : hasLine ? $"{message} (line {line.Bits})"
            : message;
    }
}
