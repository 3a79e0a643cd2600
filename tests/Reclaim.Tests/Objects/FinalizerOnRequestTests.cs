using Reclaim.Tests.Support;

namespace Reclaim.Tests.Objects;

/// <summary>
/// <see cref="FinalizerOnRequestAttribute"/>: a type's finalizer runs only for the instances that called
/// <see cref="RcObject.RequestFinalizer"/>, including a request made after the object was adopted.
/// </summary>
public sealed class FinalizerOnRequestTests
{
    [Fact]
    public void Release_WithoutRequest_DoesNotFinalize()
    {
        using TestRuntime t = new();
        Runtime runtime = t.Runtime;
        OnRequest plain = runtime.AdoptReference(new OnRequest());

        plain.Release();

        Assert.Equal(0, plain.FinalizeCount);
        Assert.Equal(RcObjectState.Freed, plain.State);
    }

    [Fact]
    public void Release_AfterLateRequest_FinalizesOnce()
    {
        using TestRuntime t = new();
        Runtime runtime = t.Runtime;
        OnRequest requested = runtime.AdoptReference(new OnRequest());
        requested.Request();

        requested.Release();

        Assert.Equal(1, requested.FinalizeCount);
        Assert.Equal(RcObjectState.Freed, requested.State);
    }

    [Fact]
    public void Subtype_InheritingTheOverride_IsOnRequestToo_AndOwnOverrideIsAlwaysOn()
    {
        using TestRuntime t = new();
        Runtime runtime = t.Runtime;
        InheritsOnRequest inherited = runtime.AdoptReference(new InheritsOnRequest());
        AlwaysFinalized own = runtime.AdoptReference(new AlwaysFinalized());

        inherited.Release();
        own.Release();

        Assert.Equal(0, inherited.FinalizeCount);
        Assert.Equal(1, own.FinalizeCount);
    }

    [FinalizerOnRequest]
    private class OnRequest : RcObject
    {
        public int FinalizeCount { get; protected set; }

        public void Request() => RequestFinalizer();

        protected internal override void OnFinalize() => FinalizeCount++;
    }

    private sealed class InheritsOnRequest : OnRequest;

    private sealed class AlwaysFinalized : OnRequest
    {
        protected internal override void OnFinalize() => FinalizeCount++;
    }
}
