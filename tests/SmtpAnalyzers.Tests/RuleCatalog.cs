using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace SmtpAnalyzers.Tests;

/// <summary>
/// Every rule of the package, found by reflection: analyzers in SmtpAnalyzers.Analyzers, fixers in SmtpAnalyzers.CodeFixes.
/// A rule added later is covered by every test that uses this catalogue without touching the tests.
/// </summary>
/// <remarks>
/// The package ships one analyzer, <see cref="SmtpAnalyzers.Rules.SmtpAnalyzer"/> (the only one with
/// <see cref="DiagnosticAnalyzerAttribute"/>), which runs every rule; the per-rule analyzers (<c>SMTPnnn*Analyzer</c>, without the
/// attribute) run one rule each. The rules are read from the per-rule analyzers.
/// </remarks>
internal static class RuleCatalog
{
    private static readonly Lazy<ImmutableArray<Type>> LazyAllAnalyzerTypes = new(() => FindTypes<DiagnosticAnalyzer>(typeof(Descriptors).Assembly));
    private static readonly Lazy<ImmutableArray<Type>> LazyAnalyzerTypes = new(() => AllAnalyzerTypes.Where(t => !IsShipped(t)).ToImmutableArray());
    private static readonly Lazy<ImmutableArray<Type>> LazyShippedAnalyzerTypes = new(() => AllAnalyzerTypes.Where(IsShipped).ToImmutableArray());
    private static readonly Lazy<ImmutableArray<Type>> LazyFixerTypes = new(() => FindTypes<CodeFixProvider>(typeof(global::SmtpAnalyzers.Rules.SMTP001MagicReplyCodeFixer).Assembly));
    private static readonly Lazy<ImmutableArray<Rule>> LazyRules = new(FindRules);

    /// <summary>Every concrete analyzer type in the analyzer assembly: the shipped one and the per-rule ones.</summary>
    public static ImmutableArray<Type> AllAnalyzerTypes => LazyAllAnalyzerTypes.Value;

    /// <summary>The per-rule analyzers (no <see cref="DiagnosticAnalyzerAttribute"/>): each runs one rule alone.</summary>
    public static ImmutableArray<Type> AnalyzerTypes => LazyAnalyzerTypes.Value;

    /// <summary>The analyzers the compiler and the IDE load: those with <see cref="DiagnosticAnalyzerAttribute"/>.</summary>
    public static ImmutableArray<Type> ShippedAnalyzerTypes => LazyShippedAnalyzerTypes.Value;

    public static ImmutableArray<Type> FixerTypes => LazyFixerTypes.Value;

    /// <summary>One entry per diagnostic ID, ordered by ID.</summary>
    public static ImmutableArray<Rule> Rules => LazyRules.Value;

    public static Rule Get(string id) => Rules.Single(r => r.Id == id);

    /// <summary>The rule IDs as theory data.</summary>
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var rule in Rules)
        {
            data.Add(rule.Id);
        }

        return data;
    }

    /// <summary>The severity as release tracking (AnalyzerReleases.*.md) writes it.</summary>
    public static string ReleaseSeverity(DiagnosticDescriptor descriptor) =>
        descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity.ToString() : "Disabled";

    /// <summary>The severity as .editorconfig and global config files write it.</summary>
    public static string ConfigSeverity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "suggestion",
        _ => "silent",
    };

    public static string ConfigSeverity(DiagnosticDescriptor descriptor) =>
        descriptor.IsEnabledByDefault ? ConfigSeverity(descriptor.DefaultSeverity) : "none";

    private static bool IsShipped(Type type) => type.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), inherit: false).Length > 0;

    private static ImmutableArray<Type> FindTypes<T>(System.Reflection.Assembly assembly) =>
        assembly.GetTypes().Where(t => typeof(T).IsAssignableFrom(t) && !t.IsAbstract).OrderBy(t => t.FullName, StringComparer.Ordinal).ToImmutableArray();

    private static ImmutableArray<Rule> FindRules()
    {
        var analyzersById = new Dictionary<string, List<Type>>(StringComparer.Ordinal);
        var descriptorsById = new Dictionary<string, DiagnosticDescriptor>(StringComparer.Ordinal);
        var allById = new Dictionary<string, List<DiagnosticDescriptor>>(StringComparer.Ordinal);
        foreach (var type in AnalyzerTypes)
        {
            var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
            foreach (var descriptor in analyzer.SupportedDiagnostics)
            {
                if (descriptorsById.TryGetValue(descriptor.Id, out var existing))
                {
                    // Several descriptors may share an ID to give one rule several messages (SMTP003), but they must be the
                    // same rule in every other respect: title, description, category, severity and help link.
                    if (!ReferenceEquals(existing, descriptor) && !IsSameRule(existing, descriptor))
                    {
                        throw new InvalidOperationException(descriptor.Id + " has descriptors that disagree on title, description, category, severity or help link.");
                    }
                }
                else
                {
                    descriptorsById[descriptor.Id] = descriptor;
                }

                if (!allById.TryGetValue(descriptor.Id, out var all))
                {
                    allById[descriptor.Id] = all = new List<DiagnosticDescriptor>();
                }

                if (!all.Contains(descriptor))
                {
                    all.Add(descriptor);
                }

                if (!analyzersById.TryGetValue(descriptor.Id, out var list))
                {
                    analyzersById[descriptor.Id] = list = new List<Type>();
                }

                if (!list.Contains(type))
                {
                    list.Add(type);
                }
            }
        }

        var fixersById = new Dictionary<string, List<Type>>(StringComparer.Ordinal);
        foreach (var type in FixerTypes)
        {
            var fixer = (CodeFixProvider)Activator.CreateInstance(type)!;
            foreach (var id in fixer.FixableDiagnosticIds)
            {
                if (!fixersById.TryGetValue(id, out var list))
                {
                    fixersById[id] = list = new List<Type>();
                }

                list.Add(type);
            }
        }

        return descriptorsById.Values
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => new Rule(
                d,
                allById[d.Id].ToImmutableArray(),
                analyzersById[d.Id].ToImmutableArray(),
                fixersById.TryGetValue(d.Id, out var fixers) ? fixers.ToImmutableArray() : ImmutableArray<Type>.Empty))
            .ToImmutableArray();
    }

    private static bool IsSameRule(DiagnosticDescriptor a, DiagnosticDescriptor b) =>
        a.Title.Equals(b.Title) && a.Description.Equals(b.Description) && a.Category == b.Category
        && a.DefaultSeverity == b.DefaultSeverity && a.IsEnabledByDefault == b.IsEnabledByDefault && a.HelpLinkUri == b.HelpLinkUri;

    internal sealed class Rule
    {
        public Rule(DiagnosticDescriptor descriptor, ImmutableArray<DiagnosticDescriptor> descriptors, ImmutableArray<Type> analyzers, ImmutableArray<Type> fixers)
        {
            Descriptor = descriptor;
            Descriptors = descriptors;
            Analyzers = analyzers;
            Fixers = fixers;
        }

        public string Id => Descriptor.Id;

        /// <summary>The rule's first descriptor: title, description, category, severity and help link are the same in all.</summary>
        public DiagnosticDescriptor Descriptor { get; }

        /// <summary>Every descriptor of the rule (one per message).</summary>
        public ImmutableArray<DiagnosticDescriptor> Descriptors { get; }

        public ImmutableArray<Type> Analyzers { get; }

        public ImmutableArray<Type> Fixers { get; }

        public bool HasFix => !Fixers.IsEmpty;

        /// <summary>The English title (the neutral resources are English).</summary>
        public string Title => Descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public string DocsPath => "docs/rules/" + Id + ".md";

        public override string ToString() => Id;
    }
}
