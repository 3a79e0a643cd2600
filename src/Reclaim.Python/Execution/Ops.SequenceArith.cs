using System.Numerics;
using Reclaim.Python.Interpreter;
using Reclaim.Python.Objects;
using Reclaim.Python.Syntax.Ast;

namespace Reclaim.Python.Execution;

/// <summary><c>+</c> and <c>*</c> of strs, lists and tuples, and new sequences of the same built-in kind.</summary>
internal static partial class Ops
{
    private static string Repeat(string s, long n) => n <= 0 ? string.Empty : new System.Text.StringBuilder(s.Length * (int)n).Insert(0, s, (int)n).ToString();

    private static Value Concat(PySequence a, PySequence b)
    {
        var items = new Value[a.Count + b.Count];
        for (int i = 0; i < a.Count; i++)
        {
            items[i] = a.Items[i].Dup();
        }

        for (int i = 0; i < b.Count; i++)
        {
            items[a.Count + i] = b.Items[i].Dup();
        }

        return NewSequenceLike(a, items);
    }

    private static Value RepeatSeq(PySequence a, long n)
    {
        int count = n <= 0 ? 0 : checked((int)(a.Count * n));
        var items = new Value[count];
        for (int i = 0; i < count; i++)
        {
            items[i] = a.Items[i % a.Count].Dup();
        }

        return NewSequenceLike(a, items);
    }

    /// <summary>A new list or tuple (as <paramref name="like"/>) owning <paramref name="items"/>.</summary>
    public static Value NewSequenceLike(PySequence like, Value[] items)
    {
        PyContext ctx = PyContext.Current;
        if (like is PyTuple)
        {
            return ctx.NewTuple(items);
        }

        PyList list = ctx.NewList();
        list.Items = items;
        list.Count = items.Length;
        return Value.Steal(list);
    }
}
