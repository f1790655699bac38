namespace SimCaller.Understanding;

/// <summary>Arithmetic on the unit-length vectors of <see cref="ISentenceEmbedder"/>.</summary>
public static class Vectors
{
    /// <summary>Cosine similarity of two unit-length vectors (their dot product), -1 to 1.</summary>
    public static double Similarity(ReadOnlySpan<float> a, ReadOnlySpan<float> b) =>
        System.Numerics.Tensors.TensorPrimitives.Dot(a, b);
}
