namespace Reclaim.Python.Syntax.Ast;

/// <summary>
/// A node of the syntax tree, shaped as Python 3.11's <c>ast</c> module: the same node types, the same field names
/// (in PascalCase) and the same optional and list fields. Operator and context nodes, which carry no data in
/// Python, are enums here (<see cref="BinaryOperator"/>, <see cref="ExprContext"/> …).
/// </summary>
/// <remarks>
/// C# names add <c>Stmt</c> to statements and <c>Expr</c> to expressions (<c>BinOpExpr</c>, <c>ExprStmt</c>) so that
/// none clashes with a framework type or with another node; <see cref="NodeKind"/> and the dump use Python's names.
/// </remarks>
internal abstract class Node
{
    /// <summary>Creates a node of the given kind.</summary>
    /// <param name="kind">The node's Python class.</param>
    protected Node(NodeKind kind) => NodeKind = kind;

    /// <summary>The node's Python class, for switches and for printing.</summary>
    public NodeKind NodeKind { get; }

    /// <summary>Calls the <paramref name="visitor"/>'s overload for this node's type.</summary>
    /// <typeparam name="TResult">What the visit returns.</typeparam>
    /// <param name="visitor">The visitor.</param>
    /// <returns>The visitor's result.</returns>
    public abstract TResult Accept<TResult>(AstVisitor<TResult> visitor);
}
