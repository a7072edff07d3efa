// Express 4 is installed as `express4` (npm:express@4); its API is the one these tests use from
// @types/express 5, so the same declarations describe it.
declare module 'express4' {
  import express from 'express';
  export default express;
}
