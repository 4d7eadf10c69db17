using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HyperLab.Training;

/// <summary>
/// A model's parameters laid out in one contiguous buffer, and their gradients in another, to make the optimizer step cheaper (measured below).
/// Each parameter keeps its name, shape and place in the model but becomes a view of a slice of
/// <see cref="Values"/> (via <c>Tensor.set_</c>), and its <c>.grad</c> a view of the matching slice of
/// <see cref="Gradients"/>. An optimizer given the single <see cref="Values"/> parameter then updates
/// every weight with a handful of large operations instead of a handful per tensor. Because every
/// optimizer of the course (SGD, momentum, Adam, AdamW, with or without weight decay) updates each
/// number on its own, the result is the same numbers as the per-tensor update (bit for bit in the tests).
/// Measured on the benchmark MLP (<c>course bench loop</c>, five runs on a shared 2-core machine): the
/// AdamW step alone takes 0.58-0.81 of the time, a whole epoch 0.80-0.96 (medians of alternating
/// rounds), so the training loop (<see cref="Trainer"/>) uses it unless <see cref="FitOptions.FlatParameters"/> is false.
/// </summary>
/// <remarks>
/// Backward adds into an existing <c>.grad</c> in place, and TorchSharp's <c>Optimizer.zero_grad</c>
/// zeroes gradients in place, so the gradient views stay bound step after step. Anything that sets a
/// parameter's <c>.grad</c> to null or to a new tensor (e.g. <c>Module.zero_grad()</c>, whose default
/// sets them to null) breaks the binding: <see cref="IsBound"/> says whether it still holds, and
/// <see cref="Rebind"/> restores it (keeping the gradients' current values).
/// </remarks>
public sealed class FlatParameters : IDisposable
{
    private readonly List<Parameter> parameters;
    private readonly List<Tensor> gradientViews;

    private FlatParameters(List<Parameter> parameters, Parameter values, Tensor gradients, List<Tensor> gradientViews)
    {
        this.parameters = parameters;
        Values = values;
        Gradients = gradients;
        this.gradientViews = gradientViews;
    }

    /// <summary>The one parameter that holds every weight of the model, in <c>parameters()</c> order;
    /// give this to the optimizer.</summary>
    public Parameter Values { get; }

    /// <summary>The one tensor that holds every gradient (<see cref="Values"/>'s <c>.grad</c>).</summary>
    public Tensor Gradients { get; }

    /// <summary>Number of values (the model's trainable parameter count).</summary>
    public long Count => Values.numel();

    /// <summary>Moves the trainable parameters of <paramref name="model"/> into one buffer (their values
    /// are copied exactly) and binds their gradients to one gradient buffer (existing gradients are
    /// copied, missing ones start at zero). Returns null when the model has no trainable parameters or
    /// are not all float32 on one device (then train them as they are).</summary>
    public static FlatParameters? Bind(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var trainable = model.parameters().Where(p => p.requires_grad).ToList();
        if (trainable.Count == 0 || trainable.Any(p => p.dtype != ScalarType.Float32 || p.device_type != trainable[0].device_type || p.is_sparse))
            return null;
        long total = trainable.Sum(p => p.numel());
        using var _ = no_grad();
        var values = empty(total, trainable[0].dtype, trainable[0].device).DetachFromDisposeScope();
        var gradients = zeros(total, trainable[0].dtype, trainable[0].device).DetachFromDisposeScope();
        var views = new List<Tensor>();
        long offset = 0;
        foreach (var p in trainable)
        {
            long n = p.numel();
            using (var scope = NewDisposeScope())
            {
                var slot = values.narrow(0, offset, n).view(p.shape);
                slot.copy_(p);
                p.set_(slot);
            }
            var gradient = gradients.narrow(0, offset, n).view(p.shape).DetachFromDisposeScope();
            using (var old = p.grad) if (old is not null) gradient.copy_(old);
            p.grad = gradient;
            views.Add(gradient);
            offset += n;
        }
        var flat = new Parameter(values, requires_grad: true);
        flat.grad = gradients;
        return new FlatParameters(trainable, flat, gradients, views);
    }

    /// <summary>Whether every parameter's <c>.grad</c> is still its view of <see cref="Gradients"/>.</summary>
    public bool IsBound => parameters.Zip(gradientViews).All(pg =>
    {
        using var g = pg.First.grad;
        return g is not null && SameMemory(g, pg.Second);
    });

    /// <summary>Binds every parameter's <c>.grad</c> to its view of <see cref="Gradients"/> again, keeping
    /// the current gradient values (a missing gradient becomes zero).</summary>
    public void Rebind()
    {
        using var _ = no_grad();
        foreach (var (p, view) in parameters.Zip(gradientViews))
        {
            using var g = p.grad;
            if (g is not null && SameMemory(g, view)) continue;
            if (g is null) view.zero_();
            else view.copy_(g);
            p.grad = view;
        }
        Values.grad = Gradients;
    }

    private static bool SameMemory(Tensor a, Tensor b) =>
        a.storage<float>().data_ptr() == b.storage<float>().data_ptr() && a.storage_offset() == b.storage_offset();

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var v in gradientViews) v.Dispose();
        Gradients.Dispose();
        Values.Dispose();
    }
}
