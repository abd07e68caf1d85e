namespace Elex.Reliability.Fuzz;

/// <summary>What a generated <c>--jsonl</c> line must produce.</summary>
public enum JsonlExpectation
{
    /// <summary>A well-formed query: answered (no error, a response id, not status Error).</summary>
    Answer,
    /// <summary>A malformed line or bad feedback: a non-empty <c>"error"</c>, never <c>"Applied"</c>.</summary>
    Error,
    /// <summary>Well-formed feedback whose target may or may not exist yet: Applied and durable, or a named error.</summary>
    FeedbackEither,
}

/// <summary>One generated input line, what kind of damage it carries, and the id the output must echo (when readable).</summary>
public sealed record JsonlCase(string Line, JsonlExpectation Expect, string Kind, string? Id)
{
    /// <summary>Whether the output's <c>"id"</c> must equal <see cref="Id"/>.</summary>
    public bool ChecksId { get; init; } = true;

    /// <summary>The line shortened for failure messages.</summary>
    public string Shown => Line.Length <= 160 ? Line : $"{Line[..160]}… ({Line.Length} chars)";
}
