// Stylesheets imported by modules under test: nothing to load in jsdom.
export default {};
