// policy rules: see the research notes; each rule is defined with defineReadinessRule.
export {};
