/**
 * The body of istio.io's `content/en/boilerplates/revision-tags-prologue.md`, verbatim (zh and uk have the same
 * caption): its caption quotes `{{< istio_full_version_revision >}}`, which Hugo 0.131 prints as written while the same
 * tag in the text runs. Shared by the scanner's, the rule's and the hugo layer's tests of a shortcode in a parameter.
 */
export const REVISION_TAGS_PROLOGUE_BODY =
  'Now, the updated mapping between revisions, tags, and namespaces is as shown below:\n\n' +
  '{{< image width="90%"\nlink="/docs/setup/upgrade/canary/revision-tags-after.svg"\n' +
  'caption="Namespace labels unchanged but now all namespaces pointed to {{< istio_full_version_revision >}}"\n>}}\n\n' +
  'Restarting injected workloads in the namespaces marked `prod-stable` will now result in those workloads using the `{{< istio_full_version_revision >}}`\n' +
  'control plane. Notice that no namespace relabeling was required to migrate workloads to the new revision.\n';
