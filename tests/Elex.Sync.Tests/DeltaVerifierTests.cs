namespace Elex.Sync.Tests;

public sealed class DeltaVerifierTests
{
    private static readonly SwarmIdentity Self = TestData.Identity(1);
    private static readonly SwarmIdentity Peer = TestData.Identity(2);
    private static readonly SwarmIdentity Stranger = TestData.Identity(3);

    private static DeltaVerifier Verifier(bool acceptOwn = false)
    {
        var trust = new TrustList(Self.PublicKey);
        trust.Add(Peer.PublicKey);
        return new DeltaVerifier(trust, acceptOwn);
    }

    private static byte[] Signed(SwarmIdentity origin, long sequence) => DeltaCodec.Encode(TestData.SmallDelta(origin, sequence), origin);

    [Fact]
    public void A_trusted_signed_delta_is_accepted_and_its_sequence_recorded()
    {
        var verifier = Verifier();
        var verdict = verifier.Verify(Signed(Peer, 5));

        Assert.True(verdict.IsAccepted, verdict.Message);
        Assert.Equal(DeltaStatus.Accepted, verdict.Status);
        Assert.Equal(5, verdict.Delta.Sequence);
        Assert.Equal(Peer.PublicKey, verdict.Origin);
        Assert.Contains(Peer.KeyId, verdict.Message, StringComparison.Ordinal);
        Assert.Contains("2 agents", verdict.Message, StringComparison.Ordinal);
        Assert.Equal(5, verifier.LastAcceptedSequence(Peer.PublicKey));
        Assert.Null(verifier.LastAcceptedSequence(Stranger.PublicKey));
    }

    [Fact]
    public void Replayed_and_older_sequences_are_rejected_newer_accepted()
    {
        var verifier = Verifier();
        var five = Signed(Peer, 5);
        Assert.True(verifier.Verify(five).IsAccepted);

        var replay = verifier.Verify(five);
        Assert.Equal(DeltaStatus.Replayed, replay.Status);
        Assert.Contains("not newer than delta 5", replay.Message, StringComparison.Ordinal);
        Assert.Equal(DeltaStatus.Replayed, verifier.Verify(Signed(Peer, 4)).Status);
        Assert.Equal(DeltaStatus.Replayed, verifier.Verify(Signed(Peer, 0)).Status);
        Assert.True(verifier.Verify(Signed(Peer, 6)).IsAccepted);
        Assert.Equal(DeltaStatus.Replayed, verifier.Verify(five).Status);
        Assert.Equal(6, verifier.LastAcceptedSequence(Peer.PublicKey));
    }

    [Fact]
    public void An_untrusted_key_is_rejected_and_named_in_full()
    {
        var verdict = Verifier().Verify(Signed(Stranger, 1));
        Assert.Equal(DeltaStatus.UntrustedKey, verdict.Status);
        Assert.Contains(Stranger.PublicKey.ToString(), verdict.Message, StringComparison.Ordinal);
        Assert.Equal(Stranger.PublicKey, verdict.Origin);
    }

    [Fact]
    public void A_signature_by_another_key_is_rejected_as_bad()
    {
        // The stranger builds a delta claiming the trusted peer as origin and signs it itself.
        var forged = new RawDelta().Header(Peer, 1).Agent("a", (1, 1f, 1_000_000)).SignedBy(Stranger);
        var verdict = Verifier().Verify(forged);
        Assert.Equal(DeltaStatus.BadSignature, verdict.Status);
        Assert.Contains("signature does not verify", verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unsigned_and_truncated_bytes_are_rejected_with_a_clear_message()
    {
        var verifier = Verifier();
        var bytes = Signed(Peer, 1);

        var unsigned = verifier.Verify(bytes.AsSpan(0, bytes.Length - 64));
        Assert.Equal(DeltaStatus.Unsigned, unsigned.Status);
        Assert.Contains("unsigned", unsigned.Message, StringComparison.Ordinal);

        var truncated = verifier.Verify(bytes.AsSpan(0, 30));
        Assert.Equal(DeltaStatus.Malformed, truncated.Status);
        Assert.Contains("truncated", truncated.Message, StringComparison.Ordinal);
        Assert.Null(truncated.Origin);

        Assert.Equal(DeltaStatus.Malformed, verifier.Verify([]).Status);
    }

    [Fact]
    public void Own_deltas_are_ignored_unless_asked_for_and_forgeries_of_self_are_bad()
    {
        Assert.Equal(DeltaStatus.FromSelf, Verifier().Verify(Signed(Self, 1)).Status);
        Assert.True(Verifier(acceptOwn: true).Verify(Signed(Self, 1)).IsAccepted);

        var forged = new RawDelta().Header(Self, 1).Agent("a", (1, 1f, 1)).SignedBy(Stranger);
        Assert.Equal(DeltaStatus.BadSignature, Verifier().Verify(forged).Status);
    }

    [Fact]
    public void Trust_changes_apply_to_later_deltas()
    {
        var verifier = Verifier();
        Assert.Equal(DeltaStatus.UntrustedKey, verifier.Verify(Signed(Stranger, 1)).Status);
        verifier.Trust.Add(Stranger.PublicKey);
        Assert.True(verifier.Verify(Signed(Stranger, 1)).IsAccepted);
        verifier.Trust.Remove(Peer.PublicKey);
        Assert.Equal(DeltaStatus.UntrustedKey, verifier.Verify(Signed(Peer, 1)).Status);
    }

    [Fact]
    public void Counts_every_outcome()
    {
        var verifier = Verifier();
        var bytes = Signed(Peer, 1);
        verifier.Verify(bytes);
        verifier.Verify(bytes);
        verifier.Verify(bytes);
        verifier.Verify(Signed(Stranger, 1));
        verifier.Verify(bytes.AsSpan(0, 10));
        verifier.Verify(bytes.AsSpan(0, bytes.Length - 64));
        var tampered = (byte[])bytes.Clone();
        tampered[^1] ^= 1;
        verifier.Verify(tampered);
        verifier.Verify(Signed(Self, 1));

        Assert.Equal(1, verifier.CountOf(DeltaStatus.Accepted));
        Assert.Equal(2, verifier.CountOf(DeltaStatus.Replayed));
        Assert.Equal(1, verifier.CountOf(DeltaStatus.UntrustedKey));
        Assert.Equal(1, verifier.CountOf(DeltaStatus.Malformed));
        Assert.Equal(1, verifier.CountOf(DeltaStatus.Unsigned));
        Assert.Equal(1, verifier.CountOf(DeltaStatus.BadSignature));
        Assert.Equal(1, verifier.CountOf(DeltaStatus.FromSelf));
        Assert.Throws<ArgumentOutOfRangeException>(() => verifier.CountOf((DeltaStatus)42));
    }

    [Fact]
    public void Sequences_survive_export_and_import_so_replays_stay_rejected_after_a_restart()
    {
        var before = Verifier();
        var old = Signed(Peer, 3);
        before.Verify(old);
        before.Verify(Signed(Peer, 7));
        var exported = before.ExportSequences();
        Assert.Equal($"{Peer.PublicKey} 7", exported);

        var after = Verifier();
        after.ImportSequences(exported);
        Assert.Equal(7, after.LastAcceptedSequence(Peer.PublicKey));
        Assert.Equal(DeltaStatus.Replayed, after.Verify(old).Status);
        Assert.True(after.Verify(Signed(Peer, 8)).IsAccepted);
    }

    [Fact]
    public void Import_keeps_the_higher_sequence_and_rejects_bad_lines_atomically()
    {
        var verifier = Verifier();
        verifier.Verify(Signed(Peer, 10));
        verifier.ImportSequences($"{Peer.PublicKey} 4\n\n{Stranger.PublicKey} 2\n");
        Assert.Equal(10, verifier.LastAcceptedSequence(Peer.PublicKey));
        Assert.Equal(2, verifier.LastAcceptedSequence(Stranger.PublicKey));

        var fresh = Verifier();
        var ex = Assert.Throws<FormatException>(() => fresh.ImportSequences($"{Peer.PublicKey} 4\n{Stranger.PublicKey} -2"));
        Assert.Contains("line 2", ex.Message, StringComparison.Ordinal);
        Assert.Null(fresh.LastAcceptedSequence(Peer.PublicKey)); // nothing applied
        Assert.Contains("got 3 fields", Assert.Throws<FormatException>(() => fresh.ImportSequences("a b c")).Message, StringComparison.Ordinal);
        Assert.Contains("must start with", Assert.Throws<FormatException>(() => fresh.ImportSequences("nokey 4")).Message, StringComparison.Ordinal);
    }
}
