// Allure 3's quality gate calls Iterator.prototype.toArray (Node 22+); on Node 20 it is missing and
// the gate crashes. Preloaded (node --import) only into the Allure child process.
const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
if (typeof IteratorPrototype.toArray !== 'function') {
  Object.defineProperty(IteratorPrototype, 'toArray', {
    value: function toArray() {
      return Array.from(this);
    },
    configurable: true,
    writable: true,
  });
}
