// simple-keyboard's ES module build has the types of its package's main (UMD) file.
declare module 'simple-keyboard/build/index.modern.esm.js' {
  export { default, SimpleKeyboard } from 'simple-keyboard';
}
