using System.Text;

namespace Reclaim.Tests.Reliability.Model;

/// <summary>A generated program: its operations, whether the runtime runs in checked mode, and its fault plan.</summary>
internal sealed record ModelProgram(IReadOnlyList<Op> Ops, bool Checked, FaultPlan Faults)
{
    /// <summary>Printed by FsCheck for the original and the shrunk counterexample.</summary>
    public override string ToString()
    {
        StringBuilder text = new();
        text.Append($"program of {Ops.Count} operations ({(Checked ? "checked" : "unchecked")}, {Faults}):");
        for (int i = 0; i < Ops.Count; i++)
        {
            text.Append($"\n  {i + 1,3}. {Ops[i]}");
        }

        return text.ToString();
    }
}
