using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SmtpAnalyzers.Rules;

/// <summary>
/// The analyzer the package ships: every rule (SMTP001 to SMTP007) in one <see cref="DiagnosticAnalyzer"/>, with one
/// <c>SmtpSemantics</c> per compilation and one callback per syntax node (<see cref="SmtpRuleAnalyzer"/>). It is the only class
/// with <see cref="DiagnosticAnalyzerAttribute"/>, so the compiler and the IDE load only it; each rule's logic is in its own
/// file, <c>Rules/SMTPnnn*Analyzer.cs</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SmtpAnalyzer : SmtpRuleAnalyzer
{
    public SmtpAnalyzer()
        : base(SmtpRules.All)
    {
    }
}
