using static TorchSharp.torch;

namespace HyperLab.Training;

/// <summary>Mean cross-entropy loss and accuracy of a model on some data, dropout off, no gradients.</summary>
public static class Evaluation
{
    /// <summary>Measures a model on a data set (lesson 00: the loss at initialization). The
    /// tensors it needs are freed before it returns.</summary>
    public static (double Loss, double Accuracy) Measure(nn.Module<Tensor, Tensor> model, Data.Dataset data)
    {
        using var scope = NewDisposeScope();
        var (x, y) = data.ToTensors();
        return Measure(model, x, y);
    }

    /// <summary>Measures a model on features <paramref name="x"/> [N, D] and labels <paramref name="y"/> [N],
    /// in chunks of <paramref name="chunk"/> rows (default 8192) to bound memory. Restores the
    /// model's training mode afterwards.</summary>
    public static (double Loss, double Accuracy) Measure(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y, int chunk = 8192)
    {
        bool wasTraining = model.training;
        model.eval();
        try
        {
            using var _ = no_grad();
            long n = x.shape[0];
            double lossSum = 0, correct = 0;
            for (long start = 0; start < n; start += chunk)
            {
                using var scope = NewDisposeScope();
                long len = Math.Min(chunk, n - start);
                var xb = x.narrow(0, start, len);
                var yb = y.narrow(0, start, len);
                var logits = model.call(xb);
                lossSum += nn.functional.cross_entropy(logits, yb, reduction: nn.Reduction.Sum).item<float>();
                correct += logits.argmax(1).eq(yb).sum().item<long>();
            }
            return (lossSum / n, correct / n);
        }
        finally
        {
            model.train(wasTraining);
        }
    }
}
