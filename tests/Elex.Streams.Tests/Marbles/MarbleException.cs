namespace Elex.Streams.Tests.Marbles;

/// <summary>The error a <c>#</c> stands for when the test gives none.</summary>
public sealed class MarbleException(string message = "error") : Exception(message);
