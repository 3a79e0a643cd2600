namespace Reclaim.Generators;

/// <summary>The kinds of member that hold counted references the collector must be told about.</summary>
internal enum ReferenceKind
{
    /// <summary>An <c>RcField&lt;T&gt;</c> field.</summary>
    Field,

    /// <summary>A one-dimensional array of <c>RcField&lt;T&gt;</c>.</summary>
    FieldArray,

    /// <summary>An <c>RcList&lt;T&gt;</c>.</summary>
    List,
}
