using System.Collections;
using System.Reflection;

namespace SimCaller.Persona.Loading;

/// <summary>
/// YAML turns an empty key ("opening_lines:") into null even where the model promises a value;
/// this puts the model's defaults back so nothing downstream meets a null it was told cannot exist.
/// </summary>
internal static class NullRepair
{
    public static void Repair(object target)
    {
        foreach (var property in target.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanWrite || !property.CanRead)
            {
                continue;
            }
            var type = property.PropertyType;
            var value = property.GetValue(target);
            if (type == typeof(string))
            {
                if (value is null && property.Name != nameof(Definitions.PersonaDefinition.SourceFile)
                    && property.Name != nameof(Definitions.PersonaDefinition.SourceText))
                {
                    property.SetValue(target, "");
                }
                continue;
            }
            if (type.IsValueType)
            {
                continue;
            }
            if (value is null)
            {
                value = Activator.CreateInstance(type)!;
                property.SetValue(target, value);
            }
            RepairValue(value);
        }
    }

    private static void RepairValue(object value)
    {
        switch (value)
        {
            case IList list:
                RepairList(list);
                break;
            case IDictionary dictionary:
                RepairDictionary(dictionary);
                break;
            default:
                Repair(value);
                break;
        }
    }

    private static void RepairList(IList list)
    {
        for (var i = list.Count - 1; i >= 0; i--)
        {
            if (list[i] is null)
            {
                list.RemoveAt(i);
            }
            else if (list[i] is not string && !list[i]!.GetType().IsValueType)
            {
                RepairValue(list[i]!);
            }
        }
    }

    private static void RepairDictionary(IDictionary dictionary)
    {
        var valueType = dictionary.GetType().GetGenericArguments()[1];
        foreach (var key in dictionary.Keys.Cast<object>().ToArray())
        {
            if (dictionary[key] is null && !valueType.IsValueType && valueType != typeof(string))
            {
                dictionary[key] = Activator.CreateInstance(valueType);
            }
            if (dictionary[key] is { } item && item is not string && !item.GetType().IsValueType)
            {
                RepairValue(item);
            }
        }
    }
}
