using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace MotCua.Web.Shared;

/// <summary>
/// Binds checkboxes and other booleans. A value that is not a boolean becomes a Vietnamese model error and the raw
/// value is replaced by "false": left as posted, the checkbox tag helper throws while re-rendering the form (a 500
/// from a hostile post instead of the form with its message).
/// </summary>
public sealed class SafeBooleanBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var result = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (result == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }
        var first = result.FirstValue?.Trim();
        if (string.IsNullOrEmpty(first))
        {
            if (bindingContext.ModelType == typeof(bool?))
            {
                bindingContext.Result = ModelBindingResult.Success(null);
            }
            return Task.CompletedTask;
        }
        if (bool.TryParse(first, out var value) || TryOn(first, out value))
        {
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, result);
            bindingContext.Result = ModelBindingResult.Success(value);
            return Task.CompletedTask;
        }
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, false, "false");
        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, "Giá trị không hợp lệ.");
        return Task.CompletedTask;
    }

    private static bool TryOn(string text, out bool value)
    {
        value = string.Equals(text, "on", StringComparison.OrdinalIgnoreCase);
        return value || string.Equals(text, "off", StringComparison.OrdinalIgnoreCase);
    }

    public sealed class Provider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
            context.Metadata.ModelType == typeof(bool) || context.Metadata.ModelType == typeof(bool?) ? new SafeBooleanBinder() : null;
    }
}
