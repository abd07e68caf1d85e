using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Elex.Core.Vectors;

/// <summary>
/// Dot products of one vector with rows of a row-major array, one row or four at a time, with the
/// same arithmetic either way (one accumulator per row, the same lane width, the same tail), so a
/// pair scores the same whichever call scored it.
/// </summary>
/// <remarks>
/// A graph walk reads rows scattered over hundreds of megabytes; each row's first cache miss, not
/// the arithmetic, is most of a dot product's cost. Reading four rows in one loop keeps four misses
/// in flight instead of one: over random rows of 100,000 512-dimensional vectors that is about
/// 1.5× faster per product (110 against 170 ns on this project's machine); inside a build, where
/// many rows are still cached from the previous insertions, it saves 5–10 %.
/// </remarks>
internal static class RowDot
{
    /// <summary>The dot product of <paramref name="x"/> with the row of <paramref name="rows"/> starting at <paramref name="offset"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float One(ReadOnlySpan<float> x, float[] rows, int offset)
    {
        ref var r = ref Row(rows, offset, x.Length);
        return One(x, ref r);
    }

    /// <summary>The dot products of <paramref name="x"/> with the four rows starting at the offsets, into <paramref name="into"/>[0..4].</summary>
    public static void Four(ReadOnlySpan<float> x, float[] rows, int offset0, int offset1, int offset2, int offset3, Span<float> into)
    {
        var n = x.Length;
        ref var q = ref MemoryMarshal.GetReference(x);
        ref var a = ref Row(rows, offset0, n);
        ref var b = ref Row(rows, offset1, n);
        ref var c = ref Row(rows, offset2, n);
        ref var d = ref Row(rows, offset3, n);
        nuint i = 0;
        float sa, sb, sc, sd;
        if (Vector256.IsHardwareAccelerated)
        {
            var va = Vector256<float>.Zero;
            var vb = va;
            var vc = va;
            var vd = va;
            for (; i + 8 <= (nuint)n; i += 8)
            {
                var v = Vector256.LoadUnsafe(ref q, i);
                va = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref a, i), va);
                vb = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref b, i), vb);
                vc = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref c, i), vc);
                vd = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref d, i), vd);
            }
            (sa, sb, sc, sd) = (Vector256.Sum(va), Vector256.Sum(vb), Vector256.Sum(vc), Vector256.Sum(vd));
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            var va = Vector128<float>.Zero;
            var vb = va;
            var vc = va;
            var vd = va;
            for (; i + 4 <= (nuint)n; i += 4)
            {
                var v = Vector128.LoadUnsafe(ref q, i);
                va = Vector128.FusedMultiplyAdd(v, Vector128.LoadUnsafe(ref a, i), va);
                vb = Vector128.FusedMultiplyAdd(v, Vector128.LoadUnsafe(ref b, i), vb);
                vc = Vector128.FusedMultiplyAdd(v, Vector128.LoadUnsafe(ref c, i), vc);
                vd = Vector128.FusedMultiplyAdd(v, Vector128.LoadUnsafe(ref d, i), vd);
            }
            (sa, sb, sc, sd) = (Vector128.Sum(va), Vector128.Sum(vb), Vector128.Sum(vc), Vector128.Sum(vd));
        }
        else
        {
            (sa, sb, sc, sd) = (0f, 0f, 0f, 0f);
        }
        for (; i < (nuint)n; i++)
        {
            var v = Unsafe.Add(ref q, i);
            sa = MathF.FusedMultiplyAdd(v, Unsafe.Add(ref a, i), sa);
            sb = MathF.FusedMultiplyAdd(v, Unsafe.Add(ref b, i), sb);
            sc = MathF.FusedMultiplyAdd(v, Unsafe.Add(ref c, i), sc);
            sd = MathF.FusedMultiplyAdd(v, Unsafe.Add(ref d, i), sd);
        }
        into[0] = sa;
        into[1] = sb;
        into[2] = sc;
        into[3] = sd;
    }

    private static float One(ReadOnlySpan<float> x, ref float r)
    {
        var n = x.Length;
        ref var q = ref MemoryMarshal.GetReference(x);
        nuint i = 0;
        float s;
        if (Vector256.IsHardwareAccelerated)
        {
            var acc = Vector256<float>.Zero;
            for (; i + 8 <= (nuint)n; i += 8)
                acc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref q, i), Vector256.LoadUnsafe(ref r, i), acc);
            s = Vector256.Sum(acc);
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            var acc = Vector128<float>.Zero;
            for (; i + 4 <= (nuint)n; i += 4)
                acc = Vector128.FusedMultiplyAdd(Vector128.LoadUnsafe(ref q, i), Vector128.LoadUnsafe(ref r, i), acc);
            s = Vector128.Sum(acc);
        }
        else
        {
            s = 0f;
        }
        for (; i < (nuint)n; i++) s = MathF.FusedMultiplyAdd(Unsafe.Add(ref q, i), Unsafe.Add(ref r, i), s);
        return s;
    }

    // The checks the loops then skip: the whole row lies inside the array.
    private static ref float Row(float[] rows, int offset, int length)
    {
        if ((uint)offset > (uint)rows.Length || (uint)length > (uint)(rows.Length - offset)) ThrowOutside();
        return ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(rows), offset);
    }

    private static void ThrowOutside() => throw new ArgumentOutOfRangeException("offset", "The row lies outside the array.");
}
