export function boot() { return globalThis.__elexBoot ??= Blazor.start(); }
