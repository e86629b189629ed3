<?xml version="1.0" encoding="UTF-8"?>
<!--
  eval-references.xsl: included by evaluate.xsl.  Reference ratings from
  distinct people ($refs and $raters of eval-facts.xsl, one rating a
  person), a rater who has earned endorsement (what any entry of the
  person records), and the roles the track asks for.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:p="urn:endorse:portfolio:1"
    xmlns:r="urn:endorse:requirements:1"
    xmlns="urn:endorse:checklist:1"
    xmlns:c="urn:endorse:checklist:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:ef="urn:endorse:functions"
    exclude-result-prefixes="p r c exsl ef">

  <xsl:template match="r:references" mode="verdict">
    <xsl:variable name="n" select="number(@count)"/>
    <xsl:variable name="have" select="count($raters)"/>
    <v>
      <xsl:choose>
        <xsl:when test="$have &gt;= $n">
          <xsl:attribute name="status">met</xsl:attribute>
          <x><xsl:value-of select="concat($have, ' completed reference ratings from distinct people.')"/></x>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x><xsl:value-of select="concat($have, ' of ', $n, ' reference ratings completed by distinct people.')"/></x>
          <short>Needs <xsl:call-template name="n"><xsl:with-param name="n" select="$n - $have"/><xsl:with-param name="one" select="'more completed reference rating'"/></xsl:call-template> from distinct people.</short>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="$refs">
        <item ref="{@person}">
          <xsl:attribute name="status">
            <xsl:choose>
              <xsl:when test="@done != 'true'">pending</xsl:when>
              <xsl:when test="@dup = 'true'">excluded</xsl:when>
              <xsl:otherwise>counted</xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:choose>
            <xsl:when test="@done != 'true'"><xsl:attribute name="reason">requested, not completed</xsl:attribute></xsl:when>
            <xsl:when test="@dup = 'true'"><xsl:attribute name="reason">the same person as another rater</xsl:attribute></xsl:when>
            <xsl:otherwise><xsl:attribute name="date"><xsl:value-of select="@completed"/></xsl:attribute></xsl:otherwise>
          </xsl:choose>
          <xsl:value-of select="concat(@name, ' (')"/><xsl:call-template name="word"><xsl:with-param name="code" select="@role"/></xsl:call-template><xsl:text>)</xsl:text>
          <xsl:choose>
            <xsl:when test="@done != 'true'">: requested, not completed</xsl:when>
            <xsl:when test="@dup = 'true'">: the same person as another rater, counted once</xsl:when>
            <xsl:otherwise><xsl:value-of select="concat(': completed ', @completed)"/></xsl:otherwise>
          </xsl:choose>
        </item>
      </xsl:for-each>
    </v>
  </xsl:template>

  <xsl:template match="r:rater-endorsed" mode="verdict">
    <xsl:variable name="rule" select="."/>
    <xsl:variable name="ok-rtf">
      <xsl:for-each select="$raters">
        <xsl:variable name="r" select="."/>
        <xsl:variable name="hit">
          <xsl:call-template name="any-in">
            <xsl:with-param name="want" select="normalize-space($rule/@levels)"/>
            <xsl:with-param name="have" select="@endorsed"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:if test="$hit = 'yes'">
          <!-- only the levels the rule asks for: "II and IV" -->
          <e name="{$r/@name}">
            <xsl:attribute name="levels"><xsl:call-template name="common-words"><xsl:with-param name="want" select="$rule/@levels"/><xsl:with-param name="have" select="$r/@endorsed"/></xsl:call-template></xsl:attribute>
          </e>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="ok" select="exsl:node-set($ok-rtf)/c:e"/>
    <v>
      <xsl:choose>
        <xsl:when test="$ok">
          <xsl:attribute name="status">met</xsl:attribute>
          <x><xsl:value-of select="concat($ok[1]/@name, ' has earned endorsement at Level ', $ok[1]/@levels, '.')"/></x>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x><xsl:value-of select="concat('None of the ', count($raters), ' raters has earned endorsement at Level ', translate(normalize-space(@levels), ' ', '/'), '.')"/></x>
          <short><xsl:value-of select="concat('At least one reference must come from someone endorsed at Level ', translate(normalize-space(@levels), ' ', '/'), '.')"/></short>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="$ok"><item status="counted"><xsl:value-of select="concat(@name, ': Level ', @levels)"/></item></xsl:for-each>
    </v>
  </xsl:template>

  <!-- The slots of the track's composition as they stand here:
       <sl n label roles waived cands unfam/>, roles the ones a stated
       "not applicable" leaves; cands "|g|g|" the raters (persons, all
       their completed ratings' roles pooled) who can fill it; unfam the
       department chairs not stated to be familiar with IMH. -->
  <xsl:template name="slot-candidates">
    <xsl:param name="comp"/>
    <xsl:for-each select="$comp/r:slot">
      <xsl:variable name="slot" select="."/>
      <xsl:variable name="waived" select="boolean($slot/@waived-by and $pf/p:references/p:statement[@kind = $slot/@waived-by])"/>
      <xsl:variable name="roles">
        <xsl:choose>
          <xsl:when test="$waived"><xsl:value-of select="normalize-space($slot/@else-roles)"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="normalize-space($slot/@roles)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="need-familiar" select="$slot/@familiar = 'true' and not($waived)"/>
      <sl n="{position()}" label="{$slot/@label}" roles="{$roles}" waived="{$waived}">
        <xsl:attribute name="cands">
          <xsl:text>|</xsl:text>
          <xsl:for-each select="$rater-roles">
            <xsl:variable name="g" select="@group"/>
            <xsl:if test="$roles != '' and $refs-all[@done = 'true' and @group = $g and
                contains(concat(' ', $roles, ' '), concat(' ', @role, ' '))] and
                (not($need-familiar) or @familiar = 'yes')"><xsl:value-of select="concat($g, '|')"/></xsl:if>
          </xsl:for-each>
        </xsl:attribute>
        <xsl:attribute name="unfam">
          <xsl:text>|</xsl:text>
          <xsl:if test="$slot/@familiar = 'true'">
            <xsl:for-each select="$rater-roles[@familiar != 'yes']">
              <xsl:variable name="g" select="@group"/>
              <xsl:if test="$refs-all[@done = 'true' and @group = $g and
                  contains(concat(' ', normalize-space($slot/@roles), ' '), concat(' ', @role, ' '))]"><xsl:value-of select="concat($g, '|')"/></xsl:if>
            </xsl:for-each>
          </xsl:if>
        </xsl:attribute>
      </sl>
    </xsl:for-each>
  </xsl:template>

  <!-- The most slots distinct raters can fill, from slot $i on (a
       search, as one person may hold several roles; three slots of at
       most twenty raters): "N;g|-|g|", N filled, then one token a slot,
       '-' for none.  On a tie the earlier slots are filled first. -->
  <xsl:template name="assign">
    <xsl:param name="sl"/>
    <xsl:param name="i" select="1"/>
    <xsl:param name="used" select="'|'"/>
    <xsl:choose>
      <xsl:when test="$i &gt; count($sl)">0;</xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="assign-try">
          <xsl:with-param name="sl" select="$sl"/>
          <xsl:with-param name="i" select="$i"/>
          <xsl:with-param name="used" select="$used"/>
          <xsl:with-param name="cands" select="$rater-roles[contains($sl[$i]/@cands, concat('|', @group, '|'))
              and not(contains($used, concat('|', @group, '|')))]"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="assign-try">
    <xsl:param name="sl"/>
    <xsl:param name="i"/>
    <xsl:param name="used"/>
    <xsl:param name="cands"/>
    <xsl:param name="k" select="1"/>
    <xsl:param name="best" select="''"/>
    <xsl:choose>
      <xsl:when test="$k &gt; count($cands)">
        <!-- slot $i left empty -->
        <xsl:variable name="r">
          <xsl:call-template name="assign">
            <xsl:with-param name="sl" select="$sl"/>
            <xsl:with-param name="i" select="$i + 1"/>
            <xsl:with-param name="used" select="$used"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:variable name="opt" select="concat(substring-before($r, ';'), ';-|', substring-after($r, ';'))"/>
        <xsl:choose>
          <xsl:when test="$best != '' and number(substring-before($best, ';')) &gt;= number(substring-before($opt, ';'))"><xsl:value-of select="$best"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$opt"/></xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="g" select="string($cands[$k]/@group)"/>
        <xsl:variable name="r">
          <xsl:call-template name="assign">
            <xsl:with-param name="sl" select="$sl"/>
            <xsl:with-param name="i" select="$i + 1"/>
            <xsl:with-param name="used" select="concat($used, $g, '|')"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:variable name="opt" select="concat(number(substring-before($r, ';')) + 1, ';', $g, '|', substring-after($r, ';'))"/>
        <xsl:variable name="keep" select="$best != '' and number(substring-before($best, ';')) &gt;= number(substring-before($opt, ';'))"/>
        <xsl:choose>
          <!-- every slot from $i on filled: nothing better to find -->
          <xsl:when test="number(substring-before($opt, ';')) = count($sl) - $i + 1"><xsl:value-of select="$opt"/></xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="assign-try">
              <xsl:with-param name="sl" select="$sl"/>
              <xsl:with-param name="i" select="$i"/>
              <xsl:with-param name="used" select="$used"/>
              <xsl:with-param name="cands" select="$cands"/>
              <xsl:with-param name="k" select="$k + 1"/>
              <xsl:with-param name="best">
                <xsl:choose>
                  <xsl:when test="$keep"><xsl:value-of select="$best"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="$opt"/></xsl:otherwise>
                </xsl:choose>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The slots as filled by $a (the tokens of "assign"): <slot n state
       label name role waived roles/>; a slot left empty may still hold
       a chair not stated to be familiar with IMH (state unfamiliar). -->
  <xsl:template name="slots-out">
    <xsl:param name="sl"/>
    <xsl:param name="a"/>
    <xsl:param name="i" select="1"/>
    <xsl:param name="used" select="concat('|', $a)"/>
    <xsl:if test="$i &lt;= count($sl)">
      <xsl:variable name="slot" select="$sl[$i]"/>
      <xsl:variable name="g" select="substring-before($a, '|')"/>
      <xsl:variable name="who" select="$rater-roles[@group = $g]"/>
      <xsl:variable name="unfam" select="$rater-roles[contains($slot/@unfam, concat('|', @group, '|'))
          and not(contains($used, concat('|', @group, '|')))][1]"/>
      <xsl:choose>
        <xsl:when test="$slot/@waived = 'true' and $slot/@roles = ''">
          <slot n="{$i}" state="waived" label="{$slot/@label}"/>
        </xsl:when>
        <xsl:when test="$who">
          <slot n="{$i}" state="filled" label="{$slot/@label}" name="{$who/@name}" waived="{$slot/@waived}"
              role="{$refs-all[@done = 'true' and @group = $g and contains(concat(' ', $slot/@roles, ' '), concat(' ', @role, ' '))][1]/@role}"/>
        </xsl:when>
        <xsl:when test="$unfam">
          <slot n="{$i}" state="unfamiliar" label="{$slot/@label}" name="{$unfam/@name}" role="department-chair"/>
        </xsl:when>
        <xsl:otherwise>
          <slot n="{$i}" state="missing" label="{$slot/@label}" waived="{$slot/@waived}" roles="{$slot/@roles}"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="slots-out">
        <xsl:with-param name="sl" select="$sl"/>
        <xsl:with-param name="a" select="substring-after($a, '|')"/>
        <xsl:with-param name="i" select="$i + 1"/>
        <xsl:with-param name="used" select="concat($used, $unfam/@group, '|')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="r:reference-roles" mode="verdict">
    <xsl:variable name="comp" select="r:composition[@track = $trk]"/>
    <xsl:variable name="sl-rtf"><xsl:call-template name="slot-candidates"><xsl:with-param name="comp" select="$comp"/></xsl:call-template></xsl:variable>
    <xsl:variable name="sl" select="exsl:node-set($sl-rtf)/c:sl"/>
    <xsl:variable name="a"><xsl:call-template name="assign"><xsl:with-param name="sl" select="$sl"/></xsl:call-template></xsl:variable>
    <xsl:variable name="slots-rtf">
      <xsl:call-template name="slots-out">
        <xsl:with-param name="sl" select="$sl"/>
        <xsl:with-param name="a" select="substring-after($a, ';')"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="slots" select="exsl:node-set($slots-rtf)/c:slot"/>
    <xsl:variable name="waivable" select="$slots[@state = 'waived']"/>
    <xsl:variable name="all-waived" select="$comp/r:all-waived and count($waivable) = count($comp/r:slot[@waived-by and not(@else-roles)]) and count($waivable) &gt; 0"/>
    <xsl:variable name="colleagues-rtf">
      <xsl:for-each select="$rater-roles">
        <xsl:variable name="g" select="@group"/>
        <xsl:if test="$refs-all[@done = 'true' and @group = $g and
            contains(concat(' ', normalize-space($comp/r:all-waived/@roles), ' '), concat(' ', @role, ' '))]"><c/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="colleagues" select="exsl:node-set($colleagues-rtf)/c:c"/>
    <v>
      <xsl:choose>
        <xsl:when test="not($comp)">
          <xsl:attribute name="status">not-applicable</xsl:attribute>
          <x><xsl:value-of select="concat('No reference roles are defined for the ', $track-name, ' track.')"/></x>
        </xsl:when>
        <xsl:when test="$all-waived">
          <xsl:choose>
            <xsl:when test="count($colleagues) &gt;= $comp/r:all-waived/@count">
              <xsl:attribute name="status">met</xsl:attribute>
              <x><xsl:value-of select="concat('No one is available from the first two categories (stated); ', count($colleagues), ' colleagues rate the applicant.')"/></x>
            </xsl:when>
            <xsl:otherwise>
              <xsl:attribute name="status">not-met</xsl:attribute>
              <x><xsl:value-of select="concat('No one is available from the first two categories (stated), so ', $comp/r:all-waived/@label, ' are needed; ', count($colleagues), ' completed.')"/></x>
              <short>Needs <xsl:call-template name="n"><xsl:with-param name="n" select="$comp/r:all-waived/@count - count($colleagues)"/><xsl:with-param name="one" select="'more reference'"/></xsl:call-template> from a colleague.</short>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:when>
        <xsl:when test="$slots[@state = 'missing']">
          <xsl:attribute name="status">not-met</xsl:attribute>
          <x>
            <xsl:call-template name="n"><xsl:with-param name="n" select="count($slots[@state = 'missing'])"/><xsl:with-param name="one" select="'reference role is'"/><xsl:with-param name="many" select="'reference roles are'"/></xsl:call-template> not filled by a completed rating.
          </x>
          <short>
            <xsl:text>Missing reference: </xsl:text>
            <xsl:for-each select="$slots[@state = 'missing']">
              <xsl:if test="position() &gt; 1">; </xsl:if>
              <xsl:value-of select="@label"/>
            </xsl:for-each>
            <xsl:text>.</xsl:text>
          </short>
        </xsl:when>
        <xsl:when test="$slots[@state = 'unfamiliar']">
          <xsl:attribute name="status">review</xsl:attribute>
          <x><xsl:value-of select="concat('The department supervisor or chair, ', $slots[@state = 'unfamiliar']/@name, ', is not stated to be familiar with IMH: the committee decides whether the rating stands.')"/></x>
        </xsl:when>
        <xsl:when test="$waivable and $comp/r:all-waived">
          <xsl:attribute name="status">review</xsl:attribute>
          <x>One of the first two categories is stated not applicable and the other is filled: the role of the third rater is undefined, so the committee decides.</x>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="status">met</xsl:attribute>
          <x>Every reference role of the track is filled by a completed rating.</x>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="$slots">
        <item>
          <xsl:attribute name="status">
            <xsl:choose>
              <xsl:when test="@state = 'filled'">counted</xsl:when>
              <xsl:when test="@state = 'waived'">not-applicable</xsl:when>
              <xsl:when test="@state = 'unfamiliar'">review</xsl:when>
              <xsl:otherwise>missing</xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:value-of select="concat('(', @n, ') ', @label, ': ')"/>
          <xsl:choose>
            <xsl:when test="@state = 'filled'"><xsl:value-of select="concat(@name, ' (')"/><xsl:call-template name="word"><xsl:with-param name="code" select="@role"/></xsl:call-template><xsl:text>)</xsl:text></xsl:when>
            <xsl:when test="@state = 'waived'">stated not applicable</xsl:when>
            <xsl:when test="@state = 'unfamiliar'"><xsl:value-of select="concat(@name, ', not stated to be familiar with IMH')"/></xsl:when>
            <xsl:otherwise>missing</xsl:otherwise>
          </xsl:choose>
        </item>
      </xsl:for-each>
    </v>
  </xsl:template>

</xsl:stylesheet>
