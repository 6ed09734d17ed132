using System.Globalization;

namespace SmtpAnalyzers.Fixes;

/// <summary>Code-fix titles from the localized resources (the resource manager picks the IDE's UI culture).</summary>
internal static class FixText
{
    public static string Format(string resourceName, params object[] args)
    {
        var format = Resources.ResourceManager.GetString(resourceName) ?? resourceName;
        return string.Format(CultureInfo.InvariantCulture, format, args);
    }
}
