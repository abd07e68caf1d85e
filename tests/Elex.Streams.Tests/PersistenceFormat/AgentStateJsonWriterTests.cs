using System.Text.Json;
using Elex.Core.Catalog;
using Elex.Core.Learning;
using Elex.Storage;
using Elex.Streams.Persistence;

namespace Elex.Streams.Tests.PersistenceFormat;

/// <summary>
/// The hand-written agent_state JSON must be byte for byte what the source-generated serializer makes
/// of the same document, so stores written by either read the same and nothing about the stored
/// format changed.
/// </summary>
public sealed class AgentStateJsonWriterTests
{
    private static readonly FeatureCode Feature = FeatureCode.Parse("FAJ 121 3094");

    public static TheoryData<string> Dates => new()
    {
        "0001-01-01T00:00:00+00:00",
        "2026-03-01T10:20:30.1234567+02:00",
        "2026-03-01T10:20:30.1200000-05:30",
        "2026-12-31T23:59:59.0000001+14:00",
        "2026-06-15T08:00:00+00:00",
    };

    [Theory]
    [MemberData(nameof(Dates))]
    public void Dates_are_written_as_the_serializer_trims_them(string date)
    {
        var counters = (3L, 2L, 1234.5678, 0.873, DateTimeOffset.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        AssertSameAsSerializer(counters, null, [], 0, 0);
    }

    [Fact]
    public void A_learner_and_experiences_rated_and_unrated_are_written_as_the_serializer_writes_them()
    {
        var learner = new LearnerRecord([], 0.05f, 12, "1101", [], Degraded: true);
        Experience[] experiences =
        [
            new("r-0001", Feature, LearningState.FromIndex(17), ResponseAction.ConsultPeer, 1_733_000_000_000),
            new("r-0002", Feature, LearningState.FromIndex(215), ResponseAction.Escalate, 1_733_000_001_000) { Rating = new Rating(-0.5f, false, 7) },
            new("r-0003", Feature, LearningState.FromIndex(0), ResponseAction.DirectAnswer, 0) { Rating = new Rating(1f, true, 0) },
        ];
        AssertSameAsSerializer((12, 9, 1e-7, 1.2345678901234567e19, DateTimeOffset.UnixEpoch), learner, experiences, 2, 1);
        // Negative zero keeps its sign, as the serializer writes it.
        AssertSameAsSerializer((12, 9, -0.0, 0, DateTimeOffset.UnixEpoch), learner with { Epsilon = -0f }, experiences, 2, 1);
    }

    [Fact]
    public void Strings_the_default_encoder_escapes_are_escaped_alike()
    {
        var learner = new LearnerRecord([], 1f, 0, "", [], false);
        Experience[] experiences =
        [
            new("r-\"quoted\" <&> 'a+b' `c` \\ / é 中 \u0001 \u007f 😀", Feature, LearningState.FromIndex(5), ResponseAction.DirectAnswer, 1),
            new("plain-ascii_id.1:2~", Feature, LearningState.FromIndex(6), ResponseAction.DirectAnswer, 2),
        ];
        AssertSameAsSerializer((1, 1, 0, 0, DateTimeOffset.UnixEpoch), learner, experiences, 0, 0, agentId: "agent-<é>");
    }

    [Fact]
    public void Random_numbers_are_written_in_the_serializer_s_shortest_round_trip_form()
    {
        // One writer throughout, every value twice: remembered floats (and ones evicted by others) must
        // come out as freshly formatted ones do.
        var writer = new AgentStateJsonWriter();
        for (var i = 0; i < 600; i++)
        {
            var random = new Random(11 + i % 300);
            var latency = FiniteDouble(random);
            var confidence = random.NextDouble() * Math.Pow(10, random.Next(-9, 9));
            var epsilon = FiniteFloat(random);
            var reward = (float)(random.NextDouble() * 2 - 1);
            var learner = new LearnerRecord([], epsilon, random.NextInt64(), "0", [], false);
            Experience[] experiences = [new($"r-{i}", Feature, LearningState.FromIndex(i % LearningState.Count), ResponseAction.DetailedAnswer, random.NextInt64()) { Rating = new Rating(reward, true, random.NextInt64()) }];
            AssertSameAsSerializer((random.NextInt64(), random.NextInt64(), latency, confidence, DateTimeOffset.UnixEpoch.AddTicks(random.NextInt64(0, 3_000_000_000_000_000))), learner, experiences, i, i / 2, writer: writer);
        }
    }

    [Fact]
    public void A_number_JSON_cannot_hold_is_refused_as_the_serializer_refuses_it()
    {
        var writer = new AgentStateJsonWriter();
        Assert.Throws<ArgumentException>(() => writer.Write("agent-a", Feature.Value, (1, 1, double.NaN, 0, DateTimeOffset.UnixEpoch), null, [], 0, 0));
        Assert.Throws<ArgumentException>(() => writer.Write("agent-a", Feature.Value, (1, 1, 0, 0, DateTimeOffset.UnixEpoch), new LearnerRecord([], float.PositiveInfinity, 0, "", [], false), [], 0, 0));
    }

    [Fact]
    public void What_it_writes_parses_back_into_the_same_document()
    {
        var learner = new LearnerRecord([], 0.25f, 4, "1001", [], false);
        Experience[] experiences = [new("r-9", Feature, LearningState.FromIndex(42), ResponseAction.ConsultPeer, 99) { Rating = new Rating(0.75f, true, 3) }];
        var json = new AgentStateJsonWriter().Write("agent-FAJ_121_3094", Feature.Value, (4, 3, 800.5, 2.75, DateTimeOffset.UnixEpoch), learner, experiences, 1, 0);

        var (document, error) = AgentStateDocument.Parse(new AgentStateRecord("agent-FAJ_121_3094", json));

        Assert.Null(error);
        Assert.Equal((4L, 3L, 800.5, 2.75, 1L), (document!.Interactions, document.Successes, document.LatencySumUs, document.ConfidenceSum, document.Rated));
        Assert.Equal(new StoredLearner(0.25f, 4, "1001", false), document.Learner);
        Assert.Equal(new StoredExperience("r-9", 42, (int)ResponseAction.ConsultPeer, 99, 0.75f, true, 3), Assert.Single(document.Experiences!));
    }

    [Fact]
    public void One_writer_reused_for_many_agents_writes_each_whole()
    {
        var writer = new AgentStateJsonWriter();
        var many = Enumerable.Range(0, 40).Select(i => new Experience(new string('x', 200) + i, Feature, LearningState.FromIndex(i), ResponseAction.DirectAnswer, i)).ToArray();
        var first = writer.Write("agent-a", Feature.Value, (1, 1, 1, 1, DateTimeOffset.UnixEpoch), null, many, 0, 0);
        var second = writer.Write("agent-b", Feature.Value, (2, 1, 1, 1, DateTimeOffset.UnixEpoch), null, [], 0, 0);

        Assert.Equal(40, AgentStateDocument.Parse(new AgentStateRecord("agent-a", first)).Document!.Experiences!.Count);
        Assert.Empty(AgentStateDocument.Parse(new AgentStateRecord("agent-b", second)).Document!.Experiences!);
    }

    private static void AssertSameAsSerializer(
        (long, long, double, double, DateTimeOffset) counters, LearnerRecord? learner, Experience[] experiences, long rated, long ratedUnsuccessful,
        string agentId = "agent-FAJ_121_3094", AgentStateJsonWriter? writer = null)
    {
        var (interactions, successes, latency, confidence, last) = counters;
        var document = new AgentStateDocument(agentId, Feature.Value, interactions, successes, latency, confidence, last,
            learner is null ? null : new StoredLearner(learner.Epsilon, learner.Interactions, learner.SuccessWindow, learner.Degraded),
            [.. experiences.Select(e => new StoredExperience(e.ResponseId, e.State.Index, (int)e.Action, e.Timestamp, e.Rating?.Reward, e.Rating?.Success, e.Rating?.Outcome))],
            rated, ratedUnsuccessful);

        var written = (writer ?? new AgentStateJsonWriter()).Write(agentId, Feature.Value, counters, learner, experiences, rated, ratedUnsuccessful);

        Assert.Equal(JsonSerializer.Serialize(document, AgentStateJson.Default.AgentStateDocument), written);
    }

    private static float FiniteFloat(Random random)
    {
        while (true)
        {
            var value = BitConverter.Int32BitsToSingle(random.Next() ^ (random.Next(2) << 31));
            if (float.IsFinite(value)) return value;
        }
    }

    private static double FiniteDouble(Random random)
    {
        while (true)
        {
            var value = BitConverter.Int64BitsToDouble(random.NextInt64());
            if (double.IsFinite(value)) return value;
        }
    }
}
