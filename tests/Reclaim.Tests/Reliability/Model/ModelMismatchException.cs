namespace Reclaim.Tests.Reliability.Model;

/// <summary>Reclaim and the reference model disagreed, or an invariant failed; the message carries the resolved program.</summary>
internal sealed class ModelMismatchException(string message) : Exception(message);
