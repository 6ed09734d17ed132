// TEMPORARY: stands in for smtp002's SmtpSemantics.Text.cs until that commit exists; deleted when smtp002 is merged.
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SmtpAnalyzers.Smtp;

public sealed partial class SmtpSemantics
{
    public bool IsSmtpText(ExpressionSyntax text, SemanticModel model, SmtpOptions options, CancellationToken cancellationToken) =>
        IsInsideSmtpType(text.SpanStart, model, options, cancellationToken);

    public bool IsInsideSmtpType(int position, SemanticModel model, SmtpOptions options, CancellationToken cancellationToken)
    {
        var enclosing = model.GetEnclosingSymbol(position, cancellationToken);
        var type = enclosing as INamedTypeSymbol ?? enclosing?.ContainingType;
        return IsSmtpType(type, options);
    }
}
