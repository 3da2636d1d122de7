"""Who may read what participants gave as confidential."""

# Answers to confidential survey questions and idea boxes' confidential extra fields: never
# published, read in the admin by the roles that need them (moderators, administrators).
VIEW_CONFIDENTIAL = "participation.view_confidential"


def reads_confidential(user):
    return user.has_perm(VIEW_CONFIDENTIAL)
