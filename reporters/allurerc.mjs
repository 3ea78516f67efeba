// Allure 3 report settings for `card-reveal-harness report`: the tree groups tests by provider
// (epic), endpoint (feature) and requirement (story), the labels every check carries.
export default {
  name: 'card-reveal-harness conformance',
  plugins: {
    awesome: {
      options: {
        reportName: 'card-reveal-harness conformance',
        groupBy: ['epic', 'feature', 'story'],
      },
    },
  },
};
