// Starts GraphiQL. A file, not an inline script, so the Content-Security-Policy can forbid inline scripts;
// the example tabs come from a JSON data block, which CSP does not execute.
(function () {
  var tabs = JSON.parse(document.getElementById('example-tabs').textContent);
  var fetcher = GraphiQL.createFetcher({ url: new URL('/graphql', location.href).toString() });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher: fetcher, defaultEditorToolsVisibility: false, defaultTabs: tabs }),
  );
})();
