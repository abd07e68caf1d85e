using System.Globalization;
using System.Text;
using System.Text.Json;
using Elex.Reliability.Support;

namespace Elex.Reliability.Fuzz;

/// <summary>
/// Seeded generator of <c>elex ask --jsonl</c> input lines: well-formed queries and feedback mixed
/// with truncated JSON, wrong types, huge strings, raw control characters, invalid UTF-16
/// surrogates (escaped and raw), deep nesting, non-object values and bad feedback.
/// </summary>
public sealed class JsonlLineGenerator(int seed)
{
    private static readonly string[] Types = ["Parameter", "Counter", "Kpi", "Procedure", "Troubleshoot", "General"];
    private static readonly string[] Complexities = ["Simple", "Moderate", "Complex"];
    private static readonly string[] Noise = ["", " please", " 🚀", " — ok?", " (NR)", " \"quoted\"", " 日本語", " \\ backslash", " tab\there"];
    private static readonly string[] WrongValues = ["123", "true", "false", "null", "[]", "{}", "[\"a\"]", "{\"x\":1}", "1e400", "-0"];

    private readonly Random _random = new(seed);
    private int _n;

    /// <summary>The next generated line.</summary>
    public JsonlCase Next()
    {
        var n = _n++;
        return _random.Next(100) switch
        {
            < 30 => Valid(n),
            < 31 => HugeValid(n),
            < 38 => Truncated(n),
            < 44 => ControlCharacter(n),
            < 54 => WrongType(n),
            < 57 => EmptyText(n),
            < 62 => EscapedSurrogate(n),
            < 65 => RawSurrogate(n),
            < 70 => Nested(n),
            < 74 => NotAnObject(n),
            < 78 => Garbage(n),
            < 79 => HugeInvalid(n),
            < 95 => BadFeedback(n),
            _ => MaybeFeedback(n),
        };
    }

    private string Question() => Sample.Questions[_random.Next(Sample.Questions.Length)] + Noise[_random.Next(Noise.Length)];

    private string ValidLine(string id)
    {
        var fields = new Dictionary<string, object> { ["id"] = id, ["text"] = Question() };
        if (_random.Next(4) == 0) fields["type"] = Types[_random.Next(Types.Length)];
        if (_random.Next(4) == 0) fields["complexity"] = Complexities[_random.Next(Complexities.Length)];
        return JsonSerializer.Serialize(fields);
    }

    private JsonlCase Valid(int n)
    {
        if (_random.Next(10) == 0)
            return new($"{{\"id\":{n},\"text\":{JsonSerializer.Serialize(Question())}}}", JsonlExpectation.Answer, "valid-numeric-id", n.ToString(CultureInfo.InvariantCulture));
        return new(ValidLine($"v{n}"), JsonlExpectation.Answer, "valid", $"v{n}");
    }

    private JsonlCase HugeValid(int n)
    {
        var padding = new StringBuilder(Question()).Append(' ');
        // Up to the question limit a long question is answered; beyond it, it is refused with the limit named.
        var tooLong = _random.Next(2) == 0;
        var size = tooLong ? _random.Next(8_000, 64_000) : _random.Next(1_000, Elex.Core.Queries.Query.MaxLength - 25);
        while (padding.Length < size) padding.Append("carrier aggregation ");
        var text = tooLong ? padding.ToString() : padding.ToString(0, Math.Min(padding.Length, Elex.Core.Queries.Query.MaxLength));
        return tooLong
            ? new(JsonSerializer.Serialize(new { id = $"big{n}", text }), JsonlExpectation.Error, "huge-too-long", $"big{n}")
            : new(JsonSerializer.Serialize(new { id = $"big{n}", text }), JsonlExpectation.Answer, "huge-valid", $"big{n}");
    }

    private JsonlCase HugeInvalid(int n)
    {
        var huge = new string('x', _random.Next(16_000, 120_000));
        return _random.Next(2) == 0
            ? new(JsonSerializer.Serialize(new { id = $"bt{n}", text = "what is MSM?", type = huge }), JsonlExpectation.Error, "huge-unknown-type", $"bt{n}")
            : new(JsonSerializer.Serialize(new { id = $"bt{n}", text = 42, padding = huge }), JsonlExpectation.Error, "huge-wrong-text", $"bt{n}");
    }

    private JsonlCase Truncated(int n)
    {
        var whole = _random.Next(3) == 0 ? FeedbackLine("r-000000-1", 0.5) : ValidLine($"t{n}");
        return new(whole[.._random.Next(whole.Length)], JsonlExpectation.Error, "truncated", null) { ChecksId = false };
    }

    private JsonlCase ControlCharacter(int n)
    {
        var line = ValidLine($"c{n}");
        char control;
        do control = (char)_random.Next(0x00, 0x20);
        while (control is '\t' or '\n' or '\r');
        var at = _random.Next(line.Length + 1);
        // Raw control characters are not JSON whitespace and not allowed inside strings: never valid.
        return new(line.Insert(at, control.ToString()), JsonlExpectation.Error, $"control-0x{(int)control:x2}", null) { ChecksId = false };
    }

    private JsonlCase WrongType(int n)
    {
        var wrong = WrongValues[_random.Next(WrongValues.Length)];
        return _random.Next(4) switch
        {
            0 => new($"{{\"id\":\"w{n}\",\"text\":{wrong}}}", JsonlExpectation.Error, "wrong-text", $"w{n}"),
            1 => new($"{{\"id\":{Pick("[]", "{}", "true", "false", "[1]", "{\"a\":\"b\"}")},\"text\":\"what is MSM?\"}}", JsonlExpectation.Error, "wrong-id", null),
            2 => new($"{{\"id\":\"w{n}\",\"text\":\"what is MSM?\",\"type\":{Pick("\"Banana\"", "99", "-1", "\"1\"", "true", "[]", "{}", "1.5", "\"\"")}}}", JsonlExpectation.Error, "wrong-type", $"w{n}"),
            _ => new($"{{\"id\":\"w{n}\",\"text\":\"what is MSM?\",\"complexity\":{Pick("\"Hard\"", "7", "\"0\"", "false", "[\"Simple\"]", "2.0")}}}", JsonlExpectation.Error, "wrong-complexity", $"w{n}"),
        };
    }

    private JsonlCase EmptyText(int n) =>
        new($"{{\"id\":\"e{n}\",\"text\":{Pick("\"\"", "\"   \"", "\"\\t\\n\"")}}}", JsonlExpectation.Error, "empty-text", $"e{n}") { ChecksId = false };

    private JsonlCase EscapedSurrogate(int n)
    {
        // A lone surrogate written as a JSON escape: valid JSON grammar, but no valid UTF-16 string.
        var lone = Pick("\\uD800", "\\uDBFF", "\\uDC00", "\\uDFFF", "\\uDC00\\uD800", "\\uD83D");
        return _random.Next(4) switch
        {
            0 => new($"{{\"id\":\"s{n}\",\"text\":\"what is MSM{lone}?\"}}", JsonlExpectation.Error, "surrogate-text", null) { ChecksId = false },
            1 => new($"{{\"id\":\"s{n}{lone}\",\"text\":\"what is MSM?\"}}", JsonlExpectation.Error, "surrogate-id", null) { ChecksId = false },
            2 => new($"{{\"id\":\"s{n}\",\"feedback\":{{\"responseId\":\"r-{lone}\",\"reward\":0.5}}}}", JsonlExpectation.Error, "surrogate-feedback", null) { ChecksId = false },
            _ => new($"{{\"id\":\"s{n}\",\"text\":\"what is MSM?\",\"type\":\"Counter{lone}\"}}", JsonlExpectation.Error, "surrogate-type", null) { ChecksId = false },
        };
    }

    private JsonlCase RawSurrogate(int n)
    {
        // Reachable in-process only (a stdin decoder replaces them): a UTF-16 line holding a lone surrogate.
        var lone = (char)_random.Next(0xD800, 0xE000);
        var line = ValidLine($"u{n}");
        var at = line.IndexOf("\"text\":\"", StringComparison.Ordinal) + 8 + _random.Next(3);
        return new(line.Insert(at, lone.ToString()), JsonlExpectation.Error, "raw-surrogate", null) { ChecksId = false };
    }

    private JsonlCase Nested(int n)
    {
        var depth = _random.Next(2, 400);
        return _random.Next(3) switch
        {
            0 => new(new string('[', depth) + new string(']', depth), JsonlExpectation.Error, "nested-arrays", null) { ChecksId = false },
            1 => new(NestedObject(depth, "{\"text\":\"what is MSM?\"}"), JsonlExpectation.Error, "nested-objects", null) { ChecksId = false },
            _ => new($"{{\"id\":\"n{n}\",\"feedback\":{NestedObject(Math.Min(depth, 60), "1")}}}", JsonlExpectation.Error, "nested-feedback", null) { ChecksId = false },
        };

        static string NestedObject(int depth, string inner)
        {
            var builder = new StringBuilder();
            for (var i = 0; i < depth; i++) builder.Append("{\"q\":");
            builder.Append(inner);
            builder.Append('}', depth);
            return builder.ToString();
        }
    }

    private JsonlCase NotAnObject(int n) =>
        new(Pick("123", "\"what is MSM?\"", "true", "null", "[1,2,3]", "[]", "[{\"text\":\"what is MSM?\"}]", "-1e9", "\"\""), JsonlExpectation.Error, "not-an-object", null) { ChecksId = false };

    private JsonlCase Garbage(int n)
    {
        const string alphabet = "abcdefxyz{}[]:,\"'\\ 0123456789.-+eE#@!ÿ€";
        var builder = new StringBuilder();
        builder.Append(alphabet[_random.Next(6, 9)]);   // never starts an object
        var length = _random.Next(0, 300);
        for (var i = 0; i < length; i++) builder.Append(alphabet[_random.Next(alphabet.Length)]);
        return new(builder.ToString(), JsonlExpectation.Error, "garbage", null) { ChecksId = false };
    }

    private JsonlCase BadFeedback(int n)
    {
        var id = $"f{n}";
        string body = _random.Next(14) switch
        {
            0 => $"{{\"agent\":\"FAJ 121 3094\",\"reward\":{Pick("1.5", "-2", "1e39", "-1e39", "3.4e38", "1.0000001", "-1.01", "100")}}}",
            1 => $"{{\"agent\":\"FAJ 121 3094\",\"reward\":{Pick("\"0.5\"", "null", "true", "[]", "{}", "\"NaN\"", "\"Infinity\"")}}}",
            2 => "{\"agent\":\"FAJ 121 3094\"}",
            3 => "{\"agent\":\"FAJ 121 3094\",\"responseId\":\"r-000000-1\",\"reward\":0.5}",
            4 => "{\"reward\":0.5,\"success\":true}",
            5 => $"{{\"responseId\":{Pick("1", "true", "[]", "null", "\"\"", "\"  \"")},\"reward\":0.5}}",
            6 => $"{{\"agent\":\"FAJ 121 3094\",\"reward\":0.5,\"success\":{Pick("\"yes\"", "1", "0", "null", "[]")}}}",
            7 => $"{{\"responseId\":\"r-{_random.Next():x}-{_random.Next():x}\",\"reward\":{Pick("0.5", "-1", "1", "0")}}}",
            8 => $"{{\"agent\":\"{Pick("FAJ 999 9999", "agent-FAJ_999_9999", "xyz", "FAJ", "FAJ 121 30940", "agent-", "💥")}\",\"reward\":0.5}}",
            9 => null!,
            10 => $"{{\"responseId\":\"{new string('r', _random.Next(1_000, 50_000))}\",\"reward\":0.25}}",
            11 => $"{{\"agent\":\"FAJ 121 3094\",\"reward\":{Pick("0.5e", "--1", ".5", "0x1", "+1", "01")}}}",
            12 => $"{{\"agent\":\"FAJ 121 3094\",\"reward\":{Pick("-1e-50", "1e-400")}, \"responseId\":\"r-x\"}}",
            _ => $"{{\"responseId\":\"r-000000-{_random.Next(1, 99)}\",\"reward\":{Pick("0.5", "1")},\"success\":true}}",
        };
        body ??= Pick("[]", "\"r-1\"", "0.5", "null", "true");
        // case 11 is not valid JSON at all: the id cannot be read then.
        var idReadable = !body.Contains("0.5e", StringComparison.Ordinal) && !body.Contains("--1", StringComparison.Ordinal)
            && !body.Contains(":.5", StringComparison.Ordinal) && !body.Contains("0x1", StringComparison.Ordinal)
            && !body.Contains("+1", StringComparison.Ordinal) && !body.Contains(":01", StringComparison.Ordinal);
        return new($"{{\"id\":\"{id}\",\"feedback\":{body}}}", JsonlExpectation.Error, "bad-feedback", id) { ChecksId = idReadable };
    }

    private JsonlCase MaybeFeedback(int n) =>
        new($"{{\"id\":\"m{n}\",\"feedback\":{{\"agent\":\"FAJ 121 3094\",\"reward\":{Pick("0.5", "-0.5", "1", "0")},\"success\":{Pick("true", "false")}}}}}",
            JsonlExpectation.FeedbackEither, "agent-feedback", $"m{n}");

    private static string FeedbackLine(string responseId, double reward) =>
        JsonSerializer.Serialize(new { id = "f", feedback = new { responseId, reward, success = true } });

    private string Pick(params string[] options) => options[_random.Next(options.Length)];
}
