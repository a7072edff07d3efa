// What a `with { type: 'text' }` import of a page file gives: its contents as a string.
/* eslint-disable no-restricted-syntax -- a module's text is its default export */
declare module '*.html' {
  const text: string;
  export default text;
}
declare module '*.css' {
  const text: string;
  export default text;
}
declare module '*/public/app.js' {
  const text: string;
  export default text;
}
