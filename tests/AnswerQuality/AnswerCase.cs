using System.Text.Json;
using System.Text.Json.Serialization;

namespace Elex.AnswerQuality;

/// <summary>
/// One question of the answer-quality set with what its answer must hold, all taken from the
/// catalog: the feature(s) it is about, facts that must appear, facts that must appear in this
/// order (prerequisites in activation order), and commands that must be proposed word for word.
/// </summary>
public sealed record AnswerCase
{
    [JsonPropertyName("question")] public required string Question { get; init; }
    [JsonPropertyName("intent")] public required string Intent { get; init; }
    [JsonPropertyName("code")] public string? Code { get; init; }
    [JsonPropertyName("codes")] public IReadOnlyList<string> Codes { get; init; } = [];
    [JsonPropertyName("facts")] public IReadOnlyList<string> Facts { get; init; } = [];
    [JsonPropertyName("order")] public IReadOnlyList<string> Order { get; init; } = [];
    [JsonPropertyName("commands")] public IReadOnlyList<string> Commands { get; init; } = [];

    /// <summary>Reads a JSON-lines file of cases.</summary>
    public static IReadOnlyList<AnswerCase> Load(string path) =>
        File.ReadLines(path)
            .Where(line => line.Trim().Length > 0)
            .Select((line, i) => JsonSerializer.Deserialize<AnswerCase>(line) ?? throw new InvalidDataException($"{path} line {i + 1} is not a case"))
            .ToList();
}
