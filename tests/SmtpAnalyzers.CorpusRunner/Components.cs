using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SmtpAnalyzers.CorpusRunner;

/// <summary>
/// Every analyzer, generator and fixer the package ships, found by reflection so that new rules need no change here. The
/// analyzers are those with [DiagnosticAnalyzer], as the compiler loads them: <c>SmtpAnalyzer</c>, which runs every rule (the
/// per-rule <c>SMTPnnn*Analyzer</c> classes have no attribute and are not run: they would report each finding twice). Counts
/// per rule are by diagnostic ID.
/// </summary>
internal sealed class Components
{
    private Components(ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<ISourceGenerator> generators, ImmutableArray<CodeFixProvider> fixers)
    {
        Analyzers = analyzers;
        Generators = generators;
        Fixers = fixers;
        RuleIds = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToImmutableSortedSet(StringComparer.Ordinal);
        Descriptors = analyzers.SelectMany(a => a.SupportedDiagnostics).GroupBy(d => d.Id).Select(g => g.First()).OrderBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();
    }

    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    public ImmutableArray<ISourceGenerator> Generators { get; }

    public ImmutableArray<CodeFixProvider> Fixers { get; }

    public ImmutableSortedSet<string> RuleIds { get; }

    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; }

    public static Components Load()
    {
        var analyzerAssembly = Assembly.Load(new AssemblyName("SmtpAnalyzers.Analyzers"));
        var fixerAssembly = Assembly.Load(new AssemblyName("SmtpAnalyzers.CodeFixes"));

        var analyzers = new List<DiagnosticAnalyzer>();
        var generators = new List<ISourceGenerator>();
        foreach (var type in Instantiable(analyzerAssembly))
        {
            if (typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
                && type.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
            {
                analyzers.Add((DiagnosticAnalyzer)Activator.CreateInstance(type)!);
            }
            else if (type.GetCustomAttributes<GeneratorAttribute>().Any())
            {
                if (typeof(IIncrementalGenerator).IsAssignableFrom(type))
                {
                    generators.Add(((IIncrementalGenerator)Activator.CreateInstance(type)!).AsSourceGenerator());
                }
                else if (typeof(ISourceGenerator).IsAssignableFrom(type))
                {
                    generators.Add((ISourceGenerator)Activator.CreateInstance(type)!);
                }
            }
        }

        var fixers = new List<CodeFixProvider>();
        foreach (var type in Instantiable(fixerAssembly))
        {
            if (typeof(CodeFixProvider).IsAssignableFrom(type)
                && type.GetCustomAttributes<ExportCodeFixProviderAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
            {
                fixers.Add((CodeFixProvider)Activator.CreateInstance(type)!);
            }
        }

        return new Components(
            analyzers.OrderBy(a => a.GetType().Name, StringComparer.Ordinal).ToImmutableArray(),
            generators.ToImmutableArray(),
            fixers.OrderBy(f => f.GetType().Name, StringComparer.Ordinal).ToImmutableArray());
    }

    private static IEnumerable<Type> Instantiable(Assembly assembly)
    {
        Type?[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            types = e.Types;
        }

        foreach (var type in types)
        {
            if (type is { IsAbstract: false, IsClass: true } && type.GetConstructor(Type.EmptyTypes) is not null)
            {
                yield return type;
            }
        }
    }
}
