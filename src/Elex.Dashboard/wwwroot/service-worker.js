// While developing (dotnet run / watch) nothing is cached, so every rebuild is seen at once;
// publishing replaces this file with service-worker.published.js.
self.addEventListener('fetch', () => {});
