// Two namespaces that use each other on purpose: LayerTests reads this assembly and must find the cycle.
namespace HyperLab.Tests.Architecture.CycleSample.Left
{
    /// <summary>Uses the right namespace.</summary>
    public sealed class UsesRight
    {
        /// <summary>A reference to the right namespace.</summary>
        public Right.UsesLeft? Other { get; set; }
    }
}

namespace HyperLab.Tests.Architecture.CycleSample.Right
{
    /// <summary>Uses the left namespace.</summary>
    public sealed class UsesLeft
    {
        /// <summary>A reference back to the left namespace.</summary>
        public static Left.UsesRight Make() => new();
    }
}
