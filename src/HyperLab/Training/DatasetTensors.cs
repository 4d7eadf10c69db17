using HyperLab.Data;
using static TorchSharp.torch;

namespace HyperLab.Training;

/// <summary>Turns the managed <see cref="Dataset"/> into TorchSharp tensors.</summary>
public static class DatasetTensors
{
    /// <summary>Features as a float32 tensor [N, features] and labels as int64 [N]. The tensors
    /// belong to the caller's dispose scope.</summary>
    public static (Tensor X, Tensor Y) ToTensors(this Dataset data) =>
        (tensor(data.Features, new long[] { data.Count, data.FeatureCount }), tensor(data.Labels));
}
