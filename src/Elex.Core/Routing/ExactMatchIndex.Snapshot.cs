using Elex.Core.Routing.Snapshots;

namespace Elex.Core.Routing;

// The lookup tables as a snapshot holds them: a loaded index answers exactly as the one written.
internal sealed partial class ExactMatchIndex
{
    public void WriteTo(SnapshotWriter w)
    {
        Ordinals(w, _codes);
        Ordinals(w, _cxcs);
        OrdinalLists(w, _acronyms);
        OrdinalLists(w, _nameTermPostings);
        w.Int(_nameTerms.Length);
        foreach (var terms in _nameTerms) w.Strings(terms);
        Postings(w, _parameters);
        Postings(w, _counters);
        Postings(w, _events);
        w.Strings(_plainWords);
    }

    public static ExactMatchIndex ReadFrom(SnapshotReader r)
    {
        var codes = Ordinals(r);
        var cxcs = Ordinals(r);
        var acronyms = OrdinalLists(r);
        var nameTermPostings = OrdinalLists(r);
        var nameTerms = new string[r.Count()][];
        for (var i = 0; i < nameTerms.Length; i++) nameTerms[i] = r.Strings();
        var parameters = Postings(r);
        var counters = Postings(r);
        var events = Postings(r);
        var plain = new HashSet<string>(r.Strings(), StringComparer.Ordinal);
        return new ExactMatchIndex(new Tables(codes, cxcs, acronyms, nameTermPostings, nameTerms, parameters, counters, events, plain));
    }

    private static void Ordinals(SnapshotWriter w, Dictionary<string, int> map)
    {
        w.Int(map.Count);
        foreach (var (key, ordinal) in map)
        {
            w.String(key);
            w.Int(ordinal);
        }
    }

    private static Dictionary<string, int> Ordinals(SnapshotReader r)
    {
        var count = r.Count(minimumBytesEach: 2);
        var map = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++) map.Add(r.String(), r.Int());
        return map;
    }

    private static void OrdinalLists(SnapshotWriter w, Dictionary<string, int[]> map)
    {
        w.Int(map.Count);
        foreach (var (key, ordinals) in map)
        {
            w.String(key);
            w.Ints(ordinals);
        }
    }

    private static Dictionary<string, int[]> OrdinalLists(SnapshotReader r)
    {
        var count = r.Count(minimumBytesEach: 2);
        var map = new Dictionary<string, int[]>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++) map.Add(r.String(), r.Ints());
        return map;
    }

    private static void Postings(SnapshotWriter w, Dictionary<string, Posting[]> map)
    {
        w.Int(map.Count);
        foreach (var (key, postings) in map)
        {
            w.String(key);
            w.Int(postings.Length);
            foreach (var p in postings)
            {
                w.Int(p.Ordinal);
                w.Float(p.Weight);
            }
        }
    }

    private static Dictionary<string, Posting[]> Postings(SnapshotReader r)
    {
        var count = r.Count(minimumBytesEach: 2);
        var map = new Dictionary<string, Posting[]>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = r.String();
            var postings = new Posting[r.Count(minimumBytesEach: 5)];
            for (var p = 0; p < postings.Length; p++) postings[p] = new Posting(r.Int(), r.Float());
            map.Add(key, postings);
        }
        return map;
    }
}
