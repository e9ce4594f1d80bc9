// Files the Worker imports as text (wrangler.toml [[rules]] type = "Text"): the default export is
// the file's content. Node never imports these specifiers (it reads the files with node:fs).
declare module 'echarts/dist/echarts.min.js' {
  const source: string;
  export default source;
}
declare module '@scalar/api-reference/dist/browser/standalone.js' {
  const source: string;
  export default source;
}
