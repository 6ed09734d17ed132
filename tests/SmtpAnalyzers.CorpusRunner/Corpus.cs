using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Host.Mef;
using Microsoft.CodeAnalysis.Text;

namespace SmtpAnalyzers.CorpusRunner;

/// <summary>
/// A folder of C# files as one project: every *.cs outside obj/ and bin/, the running framework's assemblies plus any
/// extra DLLs, nullable on, the latest language version, no preprocessor symbols, missing references allowed. The
/// package's generators run once and their output joins the project, as it would in a build.
/// </summary>
internal sealed class Corpus
{
    public const string GeneratedFolder = "__SmtpAnalyzersGenerated__";

    private Corpus(AdhocWorkspace workspace, ProjectId projectId, ImmutableArray<string> files, int lines, int generatedFiles, AnalyzerOptions analyzerOptions)
    {
        Workspace = workspace;
        ProjectId = projectId;
        Files = files;
        Lines = lines;
        GeneratedFiles = generatedFiles;
        AnalyzerOptions = analyzerOptions;
    }

    public AdhocWorkspace Workspace { get; }

    public ProjectId ProjectId { get; }

    public ImmutableArray<string> Files { get; }

    public int Lines { get; }

    public int GeneratedFiles { get; }

    /// <summary>.editorconfig files of the folder, given to the analyzers as in a build.</summary>
    public AnalyzerOptions AnalyzerOptions { get; }

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest, DocumentationMode.Parse, SourceCodeKind.Regular, preprocessorSymbols: null);

    public static Corpus Load(string folder, IReadOnlyList<string> extraReferences, Components components, CancellationToken cancellationToken)
    {
        var files = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(folder, path))
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToImmutableArray();

        var texts = new SourceText[files.Length];
        var trees = new SyntaxTree[files.Length];
        var lines = 0;
        for (var i = 0; i < files.Length; i++)
        {
            using (var stream = File.OpenRead(files[i]))
            {
                texts[i] = SourceText.From(stream);
            }

            trees[i] = CSharpSyntaxTree.ParseText(texts[i], ParseOptions, files[i], cancellationToken);
            lines += texts[i].Lines.Count;
        }

        var references = FrameworkReferences()
            .Concat(extraReferences.Distinct(StringComparer.Ordinal))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();

        var compilationOptions = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            allowUnsafe: true,
            concurrentBuild: true);

        var configs = Directory.EnumerateFiles(folder, ".editorconfig", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(folder, path))
            .Select(path => AnalyzerConfig.Parse(SourceText.From(File.ReadAllText(path)), path))
            .ToImmutableArray();
        var optionsProvider = new EditorConfigOptionsProvider(AnalyzerConfigSet.Create(configs));
        var analyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, optionsProvider);

        // Run the package's generators once, so that fixes which use the bundled constants compile as in a real build.
        var compilation = CSharpCompilation.Create("Corpus", trees, references, compilationOptions);
        var driver = CSharpGeneratorDriver.Create(components.Generators, parseOptions: ParseOptions, optionsProvider: optionsProvider);
        var run = driver.RunGenerators(compilation, cancellationToken).GetRunResult();

        var workspace = new AdhocWorkspace(MefHostServices.DefaultHost);
        var projectId = ProjectId.CreateNewId("Corpus");
        var project = ProjectInfo.Create(
            projectId,
            VersionStamp.Create(),
            "Corpus",
            "Corpus",
            LanguageNames.CSharp,
            compilationOptions: compilationOptions,
            parseOptions: ParseOptions,
            metadataReferences: references);
        var solution = workspace.CurrentSolution.AddProject(project);
        for (var i = 0; i < files.Length; i++)
        {
            var id = DocumentId.CreateNewId(projectId, files[i]);
            solution = solution.AddDocument(DocumentInfo.Create(
                id,
                Path.GetFileName(files[i]),
                loader: TextLoader.From(TextAndVersion.Create(texts[i], VersionStamp.Create(), files[i])),
                filePath: files[i]));
        }

        var generatedFiles = 0;
        foreach (var tree in run.GeneratedTrees)
        {
            var path = Path.Combine(folder, GeneratedFolder, Path.GetFileName(tree.FilePath));
            var id = DocumentId.CreateNewId(projectId, path);
            solution = solution.AddDocument(DocumentInfo.Create(
                id,
                Path.GetFileName(path),
                loader: TextLoader.From(TextAndVersion.Create(tree.GetText(cancellationToken), VersionStamp.Create(), path)),
                filePath: path));
            generatedFiles++;
        }

        if (!workspace.TryApplyChanges(solution))
        {
            throw new InvalidOperationException("could not set up the workspace");
        }

        return new Corpus(workspace, projectId, files, lines, generatedFiles, analyzerOptions);
    }

    public static bool IsGenerated(string? path) => path is not null && path.Contains(GeneratedFolder, StringComparison.Ordinal);

    private static bool IsBuildOutput(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path);
        foreach (var part in relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar))
        {
            if (string.Equals(part, "obj", StringComparison.OrdinalIgnoreCase) || string.Equals(part, "bin", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The managed assemblies of the framework this tool runs on.</summary>
    private static IEnumerable<string> FrameworkReferences()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return trusted
            .Where(path => string.Equals(Path.GetDirectoryName(path), runtimeDirectory, StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal);
    }

    /// <summary>Gives analyzers and generators the options of the folder's .editorconfig files, keyed by file path.</summary>
    private sealed class EditorConfigOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly AnalyzerConfigSet set;
        private readonly Dictionary<string, AnalyzerConfigOptions> cache = new(StringComparer.Ordinal);

        public EditorConfigOptionsProvider(AnalyzerConfigSet set)
        {
            this.set = set;
            GlobalOptions = new DictionaryOptions(set.GlobalConfigOptions.AnalyzerOptions);
        }

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GetOptions(tree.FilePath);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GetOptions(textFile.Path);

        private AnalyzerConfigOptions GetOptions(string path)
        {
            lock (cache)
            {
                if (!cache.TryGetValue(path, out var options))
                {
                    options = new DictionaryOptions(set.GetOptionsForSourcePath(path).AnalyzerOptions);
                    cache.Add(path, options);
                }

                return options;
            }
        }
    }

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> values;

        public DictionaryOptions(ImmutableDictionary<string, string> values) => this.values = values;

        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
