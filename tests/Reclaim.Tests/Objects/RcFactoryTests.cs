using Reclaim.Tests.Support;

namespace Reclaim.Tests.Objects;

/// <summary>
/// <see cref="Runtime.New{T}"/> and <see cref="Runtime.Allocate{T}"/> construct through the constructor call registered
/// for the type (the <c>[RcType]</c> generator registers one from a module initializer), and with <c>new T()</c>
/// for a type without one.
/// </summary>
public sealed class RcFactoryTests
{
    [Fact]
    public void GeneratedType_HasItsConstructorCallRegisteredAtModuleLoad()
    {
        Assert.True(RcFactory<GeneratedNode>.IsRegistered);
        Assert.True(RcFactory<GeneratedLeaf>.IsRegistered);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void NewAndAllocate_CallTheRegisteredConstructorCall_AndAdoptWhatItReturns(bool checkedMode)
    {
        int calls = 0;
        RcFactory<RegisteredProbe>.Register(() =>
        {
            calls++;
            return new RegisteredProbe();
        });
        using TestRuntime t = new(checkedMode);

        NewRef<RegisteredProbe> typed = t.Runtime.New<RegisteredProbe>();
        RegisteredProbe raw = t.Runtime.Allocate<RegisteredProbe>();

        Assert.Equal(2, calls);
        Assert.Equal((1, RcObjectState.Alive), (typed.Value.RefCount, typed.Value.State));
        Assert.Equal((1, RcObjectState.Alive), (raw.RefCount, raw.State));
        typed.Release();
        raw.Release();
        Assert.Equal(RcObjectState.Freed, raw.State);
    }

    [Fact]
    public void New_OfATypeWithoutARegistration_ConstructsWithNew()
    {
        using TestRuntime t = new(checkedMode: true);

        Assert.False(RcFactory<UnregisteredProbe>.IsRegistered);
        NewRef<UnregisteredProbe> created = t.Runtime.New<UnregisteredProbe>();

        Assert.Equal((1, RcObjectState.Alive), (created.Value.RefCount, created.Value.State));
        created.Release();
    }

    [Fact]
    public void Register_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => RcFactory<UnregisteredProbe>.Register(null!));
        Assert.False(RcFactory<UnregisteredProbe>.IsRegistered);
    }

    private sealed class RegisteredProbe : RcObject
    {
    }

    private sealed class UnregisteredProbe : RcObject
    {
    }
}
