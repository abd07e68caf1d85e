using BenchmarkDotNet.Running;
using Elex.Benchmarks;
using Elex.Benchmarks.Natural;
using Elex.Benchmarks.Peers;
using Elex.Benchmarks.Scaling;
using Elex.Benchmarks.StaticVectors;
using Elex.Benchmarks.Streaming;
using Elex.Benchmarks.Vectors;

// dotnet run -c Release --project benchmarks/Elex.Benchmarks -- latency       (per-query route percentiles, load + build time)
// dotnet run -c Release --project benchmarks/Elex.Benchmarks -- peers         (ours vs Lucene.Net BM25: accuracy and latency)
// dotnet run -c Release --project benchmarks/Elex.Benchmarks -- natural       (fused vs lexical vs Lucene on dev, natural-dev and held-out natural questions; calibration; latency per path)
// dotnet run -c Release --project benchmarks/Elex.Benchmarks -- static-vectors (a static token table distilled from the sentence model fused into the no-model router: natural top-1, size, latency)
// dotnet run -c Release --project benchmarks/Elex.Benchmarks -- calibrate     (fits the fused router's confidence on natural-dev + dev, reports the held-out set)
// dotnet run -c Release --project benchmarks/Elex.Benchmarks -- teach         (learning that routes: teach one wording of each paraphrase pair, measure the other)
// dotnet run -c Release --project benchmarks/Elex.Benchmarks -- semantic      (natural questions/s through ElexSwarm with the model: batching, ONNX threads, load time, RSS)
// dotnet run -c Release --project benchmarks/Elex.Benchmarks -- misses        (every natural question the fused router gets wrong, with its candidates)
// dotnet run -c Release --project benchmarks/Elex.Benchmarks -- encoder-cost  (the model's cost on natural questions: tokens, batch size, how the two cores are used, query prefix vs none)
// dotnet run -c Release --project benchmarks/Elex.Benchmarks -- answers       (answer-quality set through the swarm: complete answers, lost targets, changed answers; composition µs and KB per answer)
// dotnet run -c Release --project benchmarks/Elex.Benchmarks -- vectors       (HNSW vs exact on 100,000 synthetic 512-dim vectors)
// dotnet run -c Release --project benchmarks/Elex.Benchmarks -- hnsw-recall   (the router's HNSW settings on lexical, 384- and 512-dim vectors at 10k / 100k: recall@10, P50/P95/P99, build; a 100k router build)
// dotnet run -c Release --project benchmarks/Elex.Benchmarks -- scaling       (593 / 10k / 100k features; writes docs/scaling.svg)
// dotnet run -c Release --project benchmarks/Elex.Benchmarks -- agents        (managed memory with every agent loaded)
// dotnet run -c Release --project benchmarks/Elex.Benchmarks -- throughput    (ElexSwarm queries/s, one and two producers)
// dotnet run -c Release --project benchmarks/Elex.Benchmarks -- stream        (QueryStream: time to the routed part vs to the whole answer, P50/P95, dev and natural mixes, with and without the model)
// dotnet run -c Release --project benchmarks/Elex.Benchmarks -- server [s]  (the team server on loopback Kestrel: exact-path questions/s and P95 through POST /ask; 1,000 stream subscribers, memory and fan-out)
// dotnet run -c Release --project benchmarks/Elex.Benchmarks -- orleans       (agents as grains on 1 and 3 in-process silos vs the in-process swarm: queries/s and ratings/s, P50/P95)
// dotnet run -c Release --project benchmarks/Elex.Benchmarks -- alloc         (bytes allocated per query, stage by stage and end to end, with and without a store)
// dotnet run -c Release --project benchmarks/Elex.Benchmarks -- --filter '*'  (BenchmarkDotNet suite)
// dotnet run -c Release --project benchmarks/Elex.Benchmarks -- all           (every report above, then the BenchmarkDotNet suite with --job short)
switch (args)
{
    case ["all"]:
        LatencyReport.Run(Console.Out);
        PeerReport.Run(Console.Out);
        NaturalReport.Run(Console.Out);
        TeachReport.Run(Console.Out);
        await AnswerQualityReport.RunAsync(Console.Out);
        await SemanticThroughputReport.RunAsync(Console.Out);
        await AgentMemoryReport.RunAsync(Console.Out);
        await SwarmThroughputReport.RunAsync(Console.Out);
        VectorScalingReport.Run(Console.Out, 100_000, null);
        ScalingReport.Run(Console.Out, []);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(["--filter", "*", "--job", "short"]);
        return;
    case ["latency"]:
        LatencyReport.Run(Console.Out);
        return;
    case ["misses"]:
        MissesReport.Run(Console.Out);
        return;
    case ["encoder-cost"]:
        EncoderCostReport.Run(Console.Out);
        return;
    case ["semantic"]:
        await SemanticThroughputReport.RunAsync(Console.Out);
        return;
    case ["answers"]:
        await AnswerQualityReport.RunAsync(Console.Out);
        return;
    case ["teach"]:
        TeachReport.Run(Console.Out);
        return;
    case ["calibrate"]:
        CalibrationFit.Run(Console.Out);
        return;
    case ["natural"]:
        NaturalReport.Run(Console.Out);
        return;
    case ["static-vectors"]:
        StaticVectorReport.Run(Console.Out);
        return;
    case ["peers"]:
        PeerReport.Run(Console.Out);
        return;
    case ["vectors", ..]:
        VectorScalingReport.Run(Console.Out, args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000,
            args.Length > 2 ? Enum.Parse<VectorDistribution>(args[2], ignoreCase: true) : null);
        return;
    case ["hnsw-recall", ..]:
        HnswRecallReport.Run(Console.Out, args[1..]);
        return;
    case ["scaling", ..]:
        ScalingReport.Run(Console.Out, args[1..]);
        return;
    case ["agents"]:
        await AgentMemoryReport.RunAsync(Console.Out);
        return;
    case ["throughput"]:
        await SwarmThroughputReport.RunAsync(Console.Out);
        return;
    case ["stream"]:
        await StreamReport.RunAsync(Console.Out);
        return;
    case ["server", ..]:
        await Elex.Benchmarks.Server.ServerReport.RunAsync(Console.Out, args[1..]);
        return;
    case ["orleans"]:
        await Elex.Benchmarks.Cluster.OrleansReport.RunAsync(Console.Out);
        return;
    case ["alloc"]:
        await Elex.Benchmarks.Allocation.AllocationSplitReport.RunAsync(Console.Out);
        return;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return;
}
