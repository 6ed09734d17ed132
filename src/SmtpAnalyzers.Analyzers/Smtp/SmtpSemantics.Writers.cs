using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SmtpAnalyzers.Smtp;

/// <summary>What a writer or reader is connected to, and how its <c>NewLine</c> is configured (for SMTP005 and SMTP007).</summary>
public enum WriterTarget
{
    /// <summary>Not found in the same type (a parameter, or created elsewhere).</summary>
    Unknown,

    /// <summary>Created on something that is not a file or the console (a network stream, usually).</summary>
    Stream,

    /// <summary>A file on disk: <c>new StreamWriter("path")</c>, <c>File.CreateText</c>, a <c>FileStream</c>.</summary>
    File,

    /// <summary><c>Console.Out</c>, <c>Console.Error</c>, <c>Console.In</c>.</summary>
    Console,

    /// <summary>In memory: <c>StringWriter</c>, <c>StringReader</c>.</summary>
    Memory,
}

/// <summary>Where a <c>TextWriter</c>/<c>TextReader</c> held by a local, field, property or parameter comes from, found in the same type.</summary>
public readonly struct WriterFacts
{
    public WriterFacts(WriterTarget target, bool newLineIsCrLf)
    {
        Target = target;
        NewLineIsCrLf = newLineIsCrLf;
    }

    public WriterTarget Target { get; }

    /// <summary>Its <c>NewLine</c> is set to <c>"\r\n"</c> where it is created or configured in the same type, or by its own type.</summary>
    public bool NewLineIsCrLf { get; }
}

public sealed partial class SmtpSemantics
{
    /// <summary>
    /// Finds where the writer or reader <paramref name="receiver"/> refers to is created or configured in the type that contains
    /// <paramref name="receiver"/>: its declaration initializer or assignments (<c>new StreamWriter(stream) { NewLine = "\r\n" }</c>,
    /// <c>File.CreateText(path)</c>, <c>Console.Out</c>), and <c>x.NewLine = "\r\n"</c> statements. A user-defined writer type that sets
    /// its own <c>NewLine</c> to <c>"\r\n"</c> counts as configured. Syntax walk of one type, once per type declaration and
    /// writer for the compilation (every <c>writer.WriteLine</c> of a type asks about the same writer); call only after
    /// cheaper filters.
    /// </summary>
    public WriterFacts GetWriterFacts(ExpressionSyntax receiver, SemanticModel model, CancellationToken cancellationToken)
    {
        receiver = SkipParentheses(receiver);
        var receiverType = model.GetTypeInfo(receiver, cancellationToken).Type;
        var crlf = receiverType is not null && TypeSetsCrLfNewLine(receiverType, cancellationToken);

        if (receiver is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "Console" } })
        {
            return new WriterFacts(WriterTarget.Console, crlf);
        }

        var symbol = model.GetSymbolInfo(receiver, cancellationToken).Symbol;
        if (symbol is not (ILocalSymbol or IFieldSymbol or IPropertySymbol or IParameterSymbol))
        {
            return new WriterFacts(receiver is ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax ? Classify(receiver, model, ref crlf, cancellationToken) : WriterTarget.Unknown, crlf);
        }

        var type = receiver.FirstAncestorOrSelf<TypeDeclarationSyntax>();
        if (type is null)
        {
            return new WriterFacts(WriterTarget.Unknown, crlf);
        }

        var key = new WriterKey(type, symbol);
        if (!writerSources.TryGetValue(key, out var found))
        {
            found = writerSources.GetOrAdd(key, FindWriterSource(type, symbol, model, cancellationToken));
        }

        return new WriterFacts(found.Target, crlf || found.NewLineIsCrLf);
    }

    /// <summary>Where <paramref name="symbol"/> is created or configured in <paramref name="type"/> (its <c>NewLine</c> found set to CR LF there, or not).</summary>
    private static WriterFacts FindWriterSource(TypeDeclarationSyntax type, ISymbol symbol, SemanticModel model, CancellationToken cancellationToken)
    {
        var crlf = false;
        var name = symbol.Name;
        var target = WriterTarget.Unknown;
        foreach (var node in type.DescendantNodes())
        {
            switch (node)
            {
                case VariableDeclaratorSyntax { Initializer.Value: { } value } declarator when declarator.Identifier.ValueText == name:
                    if (SymbolEqualityComparer.Default.Equals(model.GetDeclaredSymbol(declarator, cancellationToken), symbol))
                    {
                        target = Merge(target, Classify(value, model, ref crlf, cancellationToken));
                    }

                    break;
                case PropertyDeclarationSyntax { Initializer.Value: { } propertyValue } property when property.Identifier.ValueText == name:
                    if (SymbolEqualityComparer.Default.Equals(model.GetDeclaredSymbol(property, cancellationToken), symbol))
                    {
                        target = Merge(target, Classify(propertyValue, model, ref crlf, cancellationToken));
                    }

                    break;
                case AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment:
                    if (GetSimpleName(assignment.Left) == name
                        && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol, symbol))
                    {
                        target = Merge(target, Classify(assignment.Right, model, ref crlf, cancellationToken));
                    }
                    else if (assignment.Left is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "NewLine" } newLine
                        && GetSimpleName(newLine.Expression) == name && IsCrLfLiteral(assignment.Right)
                        && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(newLine.Expression, cancellationToken).Symbol, symbol))
                    {
                        crlf = true;
                    }

                    break;
            }
        }

        return new WriterFacts(target, crlf);
    }

    /// <summary>A writer (a local, field, property or parameter) as seen from one type declaration.</summary>
    private readonly struct WriterKey : System.IEquatable<WriterKey>
    {
        public WriterKey(TypeDeclarationSyntax type, ISymbol symbol)
        {
            Type = type;
            Symbol = symbol;
        }

        public TypeDeclarationSyntax Type { get; }

        public ISymbol Symbol { get; }

        public bool Equals(WriterKey other) => Type == other.Type && SymbolEqualityComparer.Default.Equals(Symbol, other.Symbol);

        public override bool Equals(object? obj) => obj is WriterKey other && Equals(other);

        public override int GetHashCode() => (Type.GetHashCode() * 31) + SymbolEqualityComparer.Default.GetHashCode(Symbol);
    }

    private static WriterTarget Merge(WriterTarget a, WriterTarget b) => a == WriterTarget.Unknown ? b : a;

    private static string? GetSimpleName(ExpressionSyntax expression) => SkipParentheses(expression) switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var name } => name.Identifier.ValueText,
        _ => null,
    };

    private static WriterTarget Classify(ExpressionSyntax value, SemanticModel model, ref bool crlf, CancellationToken cancellationToken)
    {
        value = SkipParentheses(value);
        switch (value)
        {
            case MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "Console" } }:
                return WriterTarget.Console;
            case BaseObjectCreationExpressionSyntax creation:
                if (creation.Initializer is { } initializer)
                {
                    foreach (var expression in initializer.Expressions)
                    {
                        if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "NewLine" }, Right: var right } && IsCrLfLiteral(right))
                        {
                            crlf = true;
                        }
                    }
                }

                var created = model.GetTypeInfo(creation, cancellationToken).Type;
                if (created is null)
                {
                    return WriterTarget.Unknown;
                }

                if (created.Name is "StringWriter" or "StringReader")
                {
                    return WriterTarget.Memory;
                }

                if (created.Name is "FileStream")
                {
                    return WriterTarget.File;
                }

                if (creation.ArgumentList is { Arguments: { Count: > 0 } arguments })
                {
                    var first = arguments[0].Expression;
                    if (model.GetTypeInfo(first, cancellationToken).Type?.SpecialType == SpecialType.System_String)
                    {
                        return WriterTarget.File; // new StreamWriter("smtp.log")
                    }

                    return Classify(first, model, ref crlf, cancellationToken) == WriterTarget.File ? WriterTarget.File : WriterTarget.Stream;
                }

                return WriterTarget.Stream;
            case InvocationExpressionSyntax invocation when model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol { ContainingType: { } owner }
                && (SymbolNames.IsType(owner, "File", "System.IO") || SymbolNames.IsType(owner, "FileInfo", "System.IO")):
                return WriterTarget.File;
            default:
                return WriterTarget.Unknown;
        }
    }

    private static bool IsCrLfLiteral(ExpressionSyntax expression) =>
        SkipParentheses(expression) is LiteralExpressionSyntax { Token.ValueText: "\r\n" };

    /// <summary>A writer type declared in source that sets <c>NewLine = "\r\n"</c> or overrides <c>NewLine</c> (like Rnwood's SmtpStreamWriter).</summary>
    private static bool TypeSetsCrLfNewLine(ITypeSymbol type, CancellationToken cancellationToken)
    {
        for (var t = type; t is not null && t.Locations.Length > 0 && t.Locations[0].IsInSource; t = t.BaseType)
        {
            foreach (var reference in t.DeclaringSyntaxReferences)
            {
                foreach (var node in reference.GetSyntax(cancellationToken).DescendantNodes())
                {
                    if (node is AssignmentExpressionSyntax { Left: var left, Right: var right } && IsCrLfLiteral(right)
                        && left is IdentifierNameSyntax { Identifier.ValueText: "NewLine" } or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "NewLine", Expression: ThisExpressionSyntax or BaseExpressionSyntax })
                    {
                        return true;
                    }

                    if (node is PropertyDeclarationSyntax { Identifier.ValueText: "NewLine" } property && property.Modifiers.Any(SyntaxKind.OverrideKeyword))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}

public sealed partial class SmtpSemantics
{
    private static readonly string[] DiagnosticWriterWords = { "log", "trace", "console", "debug", "error", "output", "splash", "hint" };

    private static readonly string[] DiagnosticTypeWords = { "Trac", "Log", "Debug", "Diagnostic" };

    /// <summary>
    /// Syntax only: a writer that is diagnostic output rather than the connection: its name contains log, trace, console, debug,
    /// error or output (any case), or the code is inside a type whose name contains Trac, Log, Debug or Diagnostic
    /// (SmtpServer's TracingSmtpCommandVisitor writes "QUIT" to an output <c>TextWriter</c>; that is not the protocol).
    /// </summary>
    public static bool IsDiagnosticWriter(ExpressionSyntax receiver)
    {
        var name = SkipParentheses(receiver) switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            _ => null,
        };
        if (name is not null)
        {
            foreach (var word in DiagnosticWriterWords)
            {
                if (name.IndexOf(word, System.StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }
        }

        var type = receiver.FirstAncestorOrSelf<TypeDeclarationSyntax>();
        if (type is not null)
        {
            foreach (var word in DiagnosticTypeWords)
            {
                if (type.Identifier.ValueText.IndexOf(word, System.StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
