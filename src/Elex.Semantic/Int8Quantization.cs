using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace Elex.Semantic;

/// <summary>
/// Dynamic int8 quantisation of a transformer graph, done once when the model loads (the same
/// rewrite ONNX Runtime's Python quantiser makes): every MatMul by a constant weight becomes
/// DynamicQuantizeLinear → MatMulInteger → Cast → Mul with weights stored as int8 (symmetric, 7-bit,
/// one scale per output column), which ONNX Runtime fuses into one int8 kernel; the token embedding
/// table is stored as int8 and dequantised after the lookup. A quarter of the size, a fraction of
/// the time, vectors within about 1 % of the float model's.
/// </summary>
public static class Int8Quantization
{
    private const int MinWeightElements = 16_384;

    /// <summary>Returns the quantised graph; the input is not changed.</summary>
    /// <exception cref="SemanticModelException">The bytes are not an ONNX model.</exception>
    public static byte[] Quantize(byte[] model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var stream = new MemoryStream(model, writable: false);
        return Quantize(stream);
    }

    /// <summary>Reads a float graph from <paramref name="model"/> and returns it quantised.</summary>
    /// <exception cref="SemanticModelException">The stream does not hold an ONNX model.</exception>
    public static byte[] Quantize(Stream model)
    {
        ArgumentNullException.ThrowIfNull(model);
        ModelProto proto;
        try
        {
            proto = ModelProto.Parser.ParseFrom(model);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new SemanticModelException($"The model graph is not a valid ONNX file: {e.Message}", e);
        }
        var graph = proto.Graph ?? throw new SemanticModelException("The ONNX model has no graph.");
        var initializers = graph.Initializer.ToDictionary(static t => t.Name);
        var quantizedWeights = new Dictionary<string, string>();
        var nodes = new List<NodeProto>(graph.Node.Count * 2);
        foreach (var node in graph.Node)
        {
            if (node.OpType == "MatMul" && node.Input.Count == 2 && Quantizable(initializers, node.Input[1], out var weight))
            {
                if (!quantizedWeights.TryGetValue(weight.Name, out var scaleName))
                {
                    scaleName = QuantizeColumns(graph, weight);
                    quantizedWeights.Add(weight.Name, scaleName);
                }
                nodes.AddRange(QuantizedMatMul(node, weight.Name + "_int8", scaleName));
            }
            else if (node.OpType == "Gather" && node.Input.Count == 2 && Quantizable(initializers, node.Input[0], out var table))
            {
                if (!quantizedWeights.ContainsKey(table.Name)) quantizedWeights.Add(table.Name, QuantizeTable(graph, table));
                nodes.AddRange(QuantizedGather(node, table.Name));
            }
            else
            {
                nodes.Add(node);
            }
        }
        graph.Node.Clear();
        graph.Node.AddRange(nodes);
        // A float weight goes only once nothing reads it any more (older exports also list it as a graph input).
        var stillRead = nodes.SelectMany(static n => n.Input).ToHashSet();
        foreach (var name in quantizedWeights.Keys.Where(n => !stillRead.Contains(n)))
        {
            graph.Initializer.Remove(initializers[name]);
            if (graph.Input.FirstOrDefault(i => i.Name == name) is { } input) graph.Input.Remove(input);
        }
        return proto.ToByteArray();
    }

    private static bool Quantizable(Dictionary<string, TensorProto> initializers, string name, out TensorProto tensor) =>
        initializers.TryGetValue(name, out tensor!)
        && tensor.DataType == (int)TensorProto.Types.DataType.Float
        && tensor.Dims.Count == 2
        && tensor.Dims[0] * tensor.Dims[1] >= MinWeightElements;

    private static ReadOnlySpan<float> Floats(TensorProto tensor) =>
        tensor.RawData.Length > 0 ? MemoryMarshal.Cast<byte, float>(tensor.RawData.Span) : tensor.FloatData.ToArray();

    /// <summary>
    /// A [K, N] weight as int8 with one scale per column N. Its largest magnitude maps to 63 (7 bits,
    /// ONNX Runtime's "reduce range"): x64 CPUs without VNNI multiply u8 × s8 pairs into int16, which
    /// full-range weights can saturate. Natural-question routing is identical with 7 and 8 bits.
    /// </summary>
    private static string QuantizeColumns(GraphProto graph, TensorProto weight)
    {
        var rows = (int)weight.Dims[0];
        var columns = (int)weight.Dims[1];
        var values = Floats(weight);
        var scales = new float[columns];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++) scales[c] = Math.Max(scales[c], Math.Abs(values[r * columns + c]));
        for (var c = 0; c < columns; c++) scales[c] = scales[c] > 0 ? scales[c] / 63f : 1f;
        var quantized = new sbyte[values.Length];
        for (var i = 0; i < values.Length; i++) quantized[i] = ToInt8(values[i] / scales[i % columns]);
        graph.Initializer.Add(Int8Tensor(weight.Name + "_int8", quantized, rows, columns));
        var scaleName = weight.Name + "_scale";
        graph.Initializer.Add(FloatTensor(scaleName, scales, columns));
        return scaleName;
    }

    /// <summary>A lookup table as int8 with one scale for the whole table (opset 11 dequantises per tensor).</summary>
    private static string QuantizeTable(GraphProto graph, TensorProto table)
    {
        var values = Floats(table);
        var largest = 0f;
        foreach (var v in values) largest = Math.Max(largest, Math.Abs(v));
        var scale = largest > 0 ? largest / 127f : 1f;
        var quantized = new sbyte[values.Length];
        for (var i = 0; i < values.Length; i++) quantized[i] = ToInt8(values[i] / scale);
        graph.Initializer.Add(Int8Tensor(table.Name + "_int8", quantized, table.Dims[0], table.Dims[1]));
        var scaleName = table.Name + "_scale";
        graph.Initializer.Add(FloatTensor(scaleName, [scale]));
        graph.Initializer.Add(new TensorProto { Name = table.Name + "_zero", DataType = (int)TensorProto.Types.DataType.Int8, RawData = ByteString.CopyFrom(new byte[1]) });
        return scaleName;
    }

    private static sbyte ToInt8(float value) => (sbyte)Math.Clamp(MathF.Round(value), -127f, 127f);

    private static IEnumerable<NodeProto> QuantizedMatMul(NodeProto matMul, string weight, string weightScale)
    {
        var prefix = matMul.Output[0];
        var (input, scale, zero, product, asFloat, combined) =
            ($"{prefix}_q", $"{prefix}_q_scale", $"{prefix}_q_zero", $"{prefix}_int32", $"{prefix}_float", $"{prefix}_scale");
        yield return Node("DynamicQuantizeLinear", [matMul.Input[0]], [input, scale, zero]);
        yield return Node("MatMulInteger", [input, weight, zero], [product]);
        var cast = Node("Cast", [product], [asFloat]);
        cast.Attribute.Add(new AttributeProto { Name = "to", Type = AttributeProto.Types.AttributeType.Int, I = (long)TensorProto.Types.DataType.Float });
        yield return cast;
        yield return Node("Mul", [scale, weightScale], [combined]);
        yield return Node("Mul", [asFloat, combined], [matMul.Output[0]]);
    }

    private static IEnumerable<NodeProto> QuantizedGather(NodeProto gather, string table)
    {
        var rows = gather.Output[0] + "_int8";
        var lookup = Node("Gather", [table + "_int8", gather.Input[1]], [rows]);
        lookup.Attribute.AddRange(gather.Attribute);
        yield return lookup;
        yield return Node("DequantizeLinear", [rows, table + "_scale", table + "_zero"], [gather.Output[0]]);
    }

    private static NodeProto Node(string op, string[] inputs, string[] outputs)
    {
        var node = new NodeProto { OpType = op, Name = $"{outputs[0]}/{op}" };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        return node;
    }

    private static TensorProto Int8Tensor(string name, sbyte[] values, long rows, long columns)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int8, RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan())) };
        tensor.Dims.Add(rows);
        tensor.Dims.Add(columns);
        return tensor;
    }

    private static TensorProto FloatTensor(string name, float[] values, long? length = null)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float, RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan())) };
        if (length is { } n) tensor.Dims.Add(n);
        return tensor;
    }
}
