using FsCheck;
using FsCheck.Fluent;

namespace Reclaim.Tests.Reliability.Model;

/// <summary>
/// FsCheck generation and shrinking of <see cref="ModelProgram"/>s. Operations are weighted towards building graphs
/// (allocate, link, release) with enough weak references, registrations and collections to make them interact.
/// Shrinking removes runs of operations (halves first, then smaller runs, then single operations), then simplifies
/// the operations that are left, then drops checked mode and injected faults, so a failure ends as a short program.
/// </summary>
internal static class ModelProgramGenerator
{
    private const int Selectors = 64;

    /// <summary>Programs of 1 to <paramref name="maxOps"/> operations, half of them in checked mode, without injected faults.</summary>
    public static Arbitrary<ModelProgram> Programs(int maxOps) => Arb.From(Program(maxOps, Gen.Constant(0)), Shrink);

    /// <summary>As <see cref="Programs"/>, with every user-code site throwing with a probability of 10–60% per program.</summary>
    public static Arbitrary<ModelProgram> FaultyPrograms(int maxOps) => Arb.From(Program(maxOps, Gen.Choose(10, 60)), Shrink);

    private static Gen<ModelProgram> Program(int maxOps, Gen<int> faultPercent) =>
        from length in Gen.Choose(1, maxOps)
        from ops in Operation().ArrayOf(length)
        from checkedMode in Gen.Elements(true, false)
        from percent in faultPercent
        from seed in Gen.Choose(0, int.MaxValue)
        select new ModelProgram(ops, checkedMode, new FaultPlan(percent, seed));

    private static Gen<Op> Operation()
    {
        Gen<int> selector = Gen.Choose(0, Selectors - 1);
        return Gen.Frequency(
            (20, Gen.Choose(0, (int)FinalizerKind.LinkToAnchor).Select(kind => new Op(OpKind.Allocate, kind))),
            (24, from a in selector from b in Gen.Choose(0, 2) from c in selector select new Op(OpKind.Link, a, b, c)),
            (5, from a in selector from b in Gen.Choose(0, 2) select new Op(OpKind.Unlink, a, b)),
            (16, selector.Select(a => new Op(OpKind.Release, a))),
            (4, selector.Select(a => new Op(OpKind.AddRoot, a))),
            (9, from a in selector from b in Gen.Choose(0, 2) select new Op(OpKind.WeakRef, a, b)),
            (4, from a in selector from b in Gen.Choose(0, 1) from c in selector select new Op(OpKind.Finalize, a, b, c)),
            (10, Gen.Choose(0, 2).Select(a => new Op(OpKind.Collect, a))),
            (2, Gen.Constant(new Op(OpKind.Freeze))),
            (2, Gen.Constant(new Op(OpKind.Unfreeze))),
            (2, Gen.Constant(new Op(OpKind.ToggleSaveAll))),
            (2, Gen.Constant(new Op(OpKind.ClearGarbage))));
    }

    private static IEnumerable<ModelProgram> Shrink(ModelProgram program)
    {
        IReadOnlyList<Op> ops = program.Ops;
        for (int run = ops.Count / 2; run >= 1; run /= 2)
        {
            for (int start = 0; start + run <= ops.Count; start += run)
            {
                yield return program with { Ops = [.. ops.Take(start), .. ops.Skip(start + run)] };
            }
        }

        for (int i = 0; i < ops.Count; i++)
        {
            foreach (Op simpler in Simplify(ops[i]))
            {
                Op[] changed = [.. ops];
                changed[i] = simpler;
                yield return program with { Ops = changed };
            }
        }

        if (program.Checked)
        {
            yield return program with { Checked = false };
        }

        if (program.Faults.Percent > 0)
        {
            yield return program with { Faults = FaultPlan.None };
        }
    }

    /// <summary>Simpler variants of one operation: plainer finalizers and callbacks, selectors towards zero.</summary>
    private static IEnumerable<Op> Simplify(Op op)
    {
        if (op.Kind == OpKind.Allocate && op.A != (int)FinalizerKind.None)
        {
            yield return op with { A = (int)FinalizerKind.None };
            if (op.A != (int)FinalizerKind.Noop)
            {
                yield return op with { A = (int)FinalizerKind.Noop };
            }

            yield break;
        }

        if (op.Kind == OpKind.Collect)
        {
            if (op.A != Gc.GenerationCount - 1)
            {
                yield return op with { A = Gc.GenerationCount - 1 };
            }

            yield break;
        }

        if (op.Kind is OpKind.WeakRef or OpKind.Finalize && op.B != 0)
        {
            yield return op with { B = 0 };
        }

        if (op.A != 0)
        {
            yield return op with { A = 0 };
        }

        if (op.C != 0)
        {
            yield return op with { C = 0 };
        }
    }
}
