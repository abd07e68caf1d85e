using Elex.Dashboard.Components;
using Elex.Streams.Sync;
using Elex.Sync;

namespace Elex.Dashboard.Tests;

public sealed class SyncPanelTests : BunitContext
{
    private const string Identity = "ed25519-pub:3q2+7wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxg=";

    private static SyncStatus Status(bool connected, string? lastError = null) => new(
        Identity, connected, DeltasSent: 7, LastSentAt: null, LastSequence: 7, Accepted: 12,
        Rejected: new Dictionary<DeltaStatus, long> { [DeltaStatus.BadSignature] = 2, [DeltaStatus.Replayed] = 3 },
        OwnEchoes: 1, PeerAgents: 2, LastError: lastError);

    [Fact]
    public void Before_any_status_only_the_heading_shows()
    {
        var cut = Render<SyncPanel>(p => p.Add(c => c.Status, null));

        Assert.Equal("Sync", cut.Find("#sync h2").TextContent);
        Assert.Empty(cut.FindAll("#sync-status"));
        Assert.Empty(cut.FindAll("dl"));
    }

    [Fact]
    public void Shows_the_identity_shortened_with_the_full_key_as_title_and_the_counters()
    {
        var cut = Render<SyncPanel>(p => p.Add(c => c.Status, Status(connected: true)));

        Assert.Equal("Connected", cut.Find("#sync-status").TextContent);
        var identity = cut.Find(".identity");
        Assert.Equal(Identity, identity.GetAttribute("title"));
        Assert.Equal(Identity[..28] + "…", identity.TextContent);
        var values = cut.FindAll("dd").Select(dd => dd.TextContent).ToList();
        Assert.Equal("7", values[1]);
        Assert.Equal("12 / 5", values[2]); // rejected: every reason added up
    }

    [Fact]
    public void Not_connected_without_a_relay()
    {
        var status = Status(connected: false) with { DeltasSent = 0, Accepted = 0, Rejected = new Dictionary<DeltaStatus, long>() };

        var cut = Render<SyncPanel>(p => p.Add(c => c.Status, status));

        Assert.Equal("Not connected (no relay configured)", cut.Find("#sync-status").TextContent);
        Assert.Equal("0 / 0", cut.FindAll("dd")[2].TextContent);
    }

    [Fact]
    public void Not_connected_after_a_failure_says_why()
    {
        var cut = Render<SyncPanel>(p => p.Add(c => c.Status, Status(connected: false, "the relay closed the connection")));

        Assert.Equal("Not connected: the relay closed the connection", cut.Find("#sync-status").TextContent);
    }

    [Fact]
    public void A_short_identity_is_shown_whole()
    {
        var cut = Render<SyncPanel>(p => p.Add(c => c.Status, Status(connected: true) with { Identity = "ed25519-pub:short" }));

        Assert.Equal("ed25519-pub:short", cut.Find(".identity").TextContent);
    }
}
